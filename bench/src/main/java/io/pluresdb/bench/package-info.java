/** JMH benchmarks against their baselines. */
package io.pluresdb.bench;
