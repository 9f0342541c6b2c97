/**
 * The HTTP transport the payment-provider gateways share:
 * {@link io.github.delayclose.providerhttp.ProviderHttpClient} on the JDK's {@code HttpClient}, with
 * one deadline per call, an answer size cap enforced while reading, no redirects, connections
 * released on every outcome, and failures typed by
 * {@link io.github.delayclose.providerhttp.ProviderHttpException.Failure}. JDK only.
 */
package io.github.delayclose.providerhttp;
