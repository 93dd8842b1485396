package org.itsm.notification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.itsm.notification.domain.InboundMailRules.Decision;
import org.itsm.notification.domain.InboundMailRules.Match;
import org.junit.jupiter.api.Test;

class InboundMailRulesTest {

    private static final DeskAddress DESK = DeskAddress.of("servicedesk@itsm.example.org");

    @Test
    void thePlusAddressNamesTheIncident() {
        assertEquals(new Match.Reply("INC0001234"), InboundMailRules.match(DESK,
                List.of("someone@else.org", "servicedesk+inc0001234@itsm.example.org"), "Re: printer"));
    }

    @Test
    void thePlusAddressWinsOverTheSubject() {
        assertEquals(new Match.Reply("INC0001234"), InboundMailRules.match(DESK,
                List.of("servicedesk+INC0001234@itsm.example.org"), "Re: [INC0009999] printer"));
    }

    @Test
    void elseTheNumberInBracketsInTheSubject() {
        assertEquals(new Match.Reply("INC0001234"), InboundMailRules.match(DESK,
                List.of("servicedesk@itsm.example.org"), "RE: Re: [INC0001234] 프린터 걸림"));
        assertEquals(new Match.Reply("INC0001234"), InboundMailRules.match(DESK, List.of(), "Re: [inc0001234] x"));
    }

    @Test
    void noNumberIsANewMail() {
        assertEquals(new Match.NewMail(), InboundMailRules.match(DESK, List.of("servicedesk@itsm.example.org"),
                "VPN down, INC0001234 did not help"));
        assertEquals(new Match.NewMail(), InboundMailRules.match(DESK, null, null));
    }

    @Test
    void otherRecordsAndStrangePlusAddressesAreUnmatched() {
        assertInstanceOf(Match.Unmatched.class, InboundMailRules.match(DESK, List.of(), "Re: [CHG0001234] window"));
        assertInstanceOf(Match.Unmatched.class,
                InboundMailRules.match(DESK, List.of("servicedesk+hello@itsm.example.org"), "[INC0001234]"));
    }

    @Test
    void aKnownSendersReplyOrNewMailIsForwarded() {
        assertEquals(new Decision.Forward("INC0001234"), InboundMailRules.decide(Optional.of("anna"),
                "anna@itsm.example.org", new Match.Reply("INC0001234"), "Works now"));
        assertEquals(new Decision.Forward(null), InboundMailRules.decide(Optional.of("anna"), "anna@itsm.example.org",
                new Match.NewMail(), ""));
    }

    @Test
    void unknownSendersUnmatchedMailAndEmptyRepliesAreKeptForReview() {
        Decision unknown = InboundMailRules.decide(Optional.empty(), "x@elsewhere.org", new Match.Reply("INC0001234"),
                "hi");
        assertTrue(((Decision.Review) unknown).reason().contains("x@elsewhere.org"));
        assertEquals(new Decision.Review("nope"), InboundMailRules.decide(Optional.of("anna"), "a@b.c",
                new Match.Unmatched("nope"), "hi"));
        assertInstanceOf(Decision.Review.class, InboundMailRules.decide(Optional.of("anna"), "a@b.c",
                new Match.Reply("INC0001234"), "  "));
    }

    @Test
    void theQuotedOriginalIsStripped() {
        assertEquals("Works now.\n\nThanks", InboundMailRules.ownText("""
                Works now.

                Thanks
                > earlier
                On Tue, 8 Dec 2026 at 10:00, ITSM service desk <servicedesk@itsm.example.org> wrote:
                > Please tell us.
                > more
                """));
        assertEquals("Fine", InboundMailRules.ownText("Fine\r\n-----Original Message-----\r\nFrom: desk\r\nold text"));
        assertEquals("해결되었습니다", InboundMailRules.ownText("해결되었습니다\n\n2026년 12월 8일 (화) 오전 10:00, 서비스 데스크님이 작성:\n> 확인 부탁드립니다"));
        assertEquals("", InboundMailRules.ownText(null));
    }
}
