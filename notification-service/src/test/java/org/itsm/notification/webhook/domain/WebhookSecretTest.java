package org.itsm.notification.webhook.domain;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

class WebhookSecretTest {

    @Test
    void generatedSecretsAreUsableAndDiffer() {
        String secret = WebhookSecret.generate();
        assertThat(secret, startsWith("whsec_"));
        assertThat(WebhookSecret.refusal(secret), nullValue());
        assertThat(WebhookSecret.generate(), not(equalTo(secret)));
    }

    @Test
    void theSignatureIsTheStandardWebhooksOne() {
        // the example of the Standard Webhooks specification (spec/standard-webhooks.md, "Signature scheme")
        String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        String body = "{\"test\": 2432232314}";
        assertThat(WebhookSecret.sign(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, body),
                equalTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="));
    }

    @Test
    void unusableSecretsAreRefused() {
        assertThat(WebhookSecret.refusal("secret"), notNullValue());
        assertThat(WebhookSecret.refusal("whsec_not base64!"), notNullValue());
        assertThat(WebhookSecret.refusal("whsec_c2hvcnQ="), notNullValue());
        assertThat(WebhookSecret.refusal(null), notNullValue());
    }
}
