package org.itsm.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The answered mail on the whole platform (real Keycloak, Kafka, GreenMail): the agent puts the requester's incident on
 * hold awaiting them, the requester gets the Korean mail with the desk's plus-address in {@code Reply-To}, answers it
 * over SMTP to the desk, and notification-service reads the desk mailbox over IMAP: the reply becomes the requester's
 * public comment and resumes the incident. GreenMail has no sub-addressing, so the reply goes to the desk address
 * and the subject's {@code [INC…]} names the incident.
 */
@ExtendWith(PlatformExtension.class)
class MailReplyIT {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @Test
    void theRequestersMailedReplyBecomesTheirCommentAndResumesTheIncident() throws Exception {
        String id = given().header("Authorization", Tokens.bearer("requester")).contentType("application/json")
                .body("{\"shortDescription\": \"Reply check\", \"impact\": 3, \"urgency\": 3}")
                .post(PlatformExtension.gatewayUrl() + "/api/v1/incidents")
                .then().statusCode(201).extract().path("id");
        String number = given().header("Authorization", Tokens.bearer("agent"))
                .get(PlatformExtension.gatewayUrl() + "/api/v1/incidents/" + id).then().extract().path("number");
        given().header("Authorization", Tokens.bearer("agent")).contentType("application/json")
                .post(PlatformExtension.gatewayUrl() + "/api/v1/incidents/" + id + "/start").then().statusCode(200);
        given().header("Authorization", Tokens.bearer("agent")).contentType("application/json")
                .body("{\"holdReason\": \"AWAITING_CALLER\", \"comment\": \"Which floor are you on?\"}")
                .post(PlatformExtension.gatewayUrl() + "/api/v1/incidents/" + id + "/hold").then().statusCode(200);

        String subject = "[" + number + "] 회신이 필요합니다: Reply check";
        await().atMost(WAIT).untilAsserted(() -> given().accept("application/json")
                .get(PlatformExtension.stack().mail().apiUrl() + "/api/user/requester/messages/")
                .then().statusCode(200)
                .body("subject", hasItem(subject))
                .body("find { it.subject == '" + subject + "' }.mimeMessage",
                        containsString("Reply-To: servicedesk+" + number + "@itsm.example.org")));

        String reply = "3층 회의실 옆입니다. Floor 3, next to the meeting room.";
        sendOverSmtp("requester@itsm.example.org", "servicedesk@itsm.example.org", "Re: " + subject, reply + """


                2026년 12월 8일 (화) 오전 10:00, ITSM 서비스 데스크 <servicedesk@itsm.example.org>님이 작성:
                > Which floor are you on?
                """);

        await().atMost(WAIT).untilAsserted(() -> given().header("Authorization", Tokens.bearer("requester"))
                .get(PlatformExtension.gatewayUrl() + "/api/v1/incidents/" + id + "/comments")
                .then().statusCode(200)
                .body("find { it.body == '" + reply + "' }.author", equalTo("requester")));
        given().header("Authorization", Tokens.bearer("agent"))
                .get(PlatformExtension.gatewayUrl() + "/api/v1/incidents/" + id)
                .then().statusCode(200).body("state", equalTo("IN_PROGRESS"));
        await().atMost(WAIT).untilAsserted(() -> given().header("Authorization", Tokens.bearer("agent"))
                .get(PlatformExtension.gatewayUrl() + "/api/v1/inbound-mail?status=COMMENTED")
                .then().statusCode(200)
                .body("find { it.record == '" + number + "' }.sender", equalTo("requester")));
    }

    /** A plain SMTP conversation with the development mail server, as a mail client would have it. */
    private static void sendOverSmtp(String from, String to, String subject, String text) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", PlatformExtension.stack().mail().smtpPort());
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                        StandardCharsets.US_ASCII));
                Writer out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.US_ASCII)) {
            expect(in, "220");
            for (String command : List.of("HELO itsm.example.org", "MAIL FROM:<" + from + ">", "RCPT TO:<" + to + ">")) {
                out.write(command + "\r\n");
                out.flush();
                expect(in, "250");
            }
            out.write("DATA\r\n");
            out.flush();
            expect(in, "354");
            String encodedSubject = "=?UTF-8?B?" + Base64.getEncoder()
                    .encodeToString(subject.getBytes(StandardCharsets.UTF_8)) + "?=";
            String body = Base64.getMimeEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
            out.write("From: " + from + "\r\nTo: " + to + "\r\nSubject: " + encodedSubject + "\r\nMessage-ID: <"
                    + UUID.randomUUID() + "@itsm.example.org>\r\nMIME-Version: 1.0\r\n"
                    + "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                    + body + "\r\n.\r\n");
            out.flush();
            expect(in, "250");
            out.write("QUIT\r\n");
            out.flush();
        }
    }

    private static void expect(BufferedReader in, String code) throws IOException {
        String line = in.readLine();
        while (line != null && line.length() > 3 && line.charAt(3) == '-') {
            line = in.readLine();
        }
        if (line == null || !line.startsWith(code)) {
            throw new IOException("SMTP: expected " + code + ", got " + line);
        }
    }
}
