/**
 * The bundled text embedding model behind the SQL function {@code embed(text)}: all-MiniLM-L6-v2,
 * quantized, run in process by the ONNX runtime from the model file inside this module's
 * dependencies. Found by the engine with {@link java.util.ServiceLoader} as a {@link
 * io.pluresdb.vector.TextEmbedder}; a database without this module on the class path does
 * everything else with vectors.
 */
@NullMarked
package io.pluresdb.embed;

import org.jspecify.annotations.NullMarked;
