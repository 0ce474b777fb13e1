/** Row-level policies as the engine shows them: the {@code sys_policies} view. */
@NullMarked
package io.pluresdb.engine.policy;

import org.jspecify.annotations.NullMarked;
