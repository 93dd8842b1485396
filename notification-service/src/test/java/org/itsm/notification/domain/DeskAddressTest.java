package org.itsm.notification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class DeskAddressTest {

    private final DeskAddress desk = DeskAddress.of("ServiceDesk@ITSM.example.org");

    @Test
    void repliesAboutARecordGoToItsPlusAddress() {
        assertEquals("servicedesk+INC0001234@itsm.example.org", desk.replyTo("INC0001234"));
    }

    @Test
    void withoutARecordTheBareDeskAddress() {
        assertEquals("servicedesk@itsm.example.org", desk.replyTo(null));
        assertEquals("servicedesk@itsm.example.org", desk.replyTo(" "));
    }

    @Test
    void theDetailOfAPlusAddressOfThisDesk() {
        assertEquals(Optional.of("INC0001234"), desk.detailOf("servicedesk+inc0001234@itsm.example.org"));
        assertEquals(Optional.of("INC0001234"), desk.detailOf(" ServiceDesk+INC0001234@itsm.EXAMPLE.org "));
    }

    @Test
    void noDetailForTheBareDeskOtherAddressesOrAnEmptyDetail() {
        assertEquals(Optional.empty(), desk.detailOf("servicedesk@itsm.example.org"));
        assertEquals(Optional.empty(), desk.detailOf("other+INC0001234@itsm.example.org"));
        assertEquals(Optional.empty(), desk.detailOf("servicedesk+INC0001234@elsewhere.org"));
        assertEquals(Optional.empty(), desk.detailOf("servicedesk+@itsm.example.org"));
        assertEquals(Optional.empty(), desk.detailOf(null));
    }

    @Test
    void theDeskAddressItselfHasNoDetail() {
        assertThrows(IllegalArgumentException.class, () -> DeskAddress.of("servicedesk+x@itsm.example.org"));
        assertThrows(IllegalArgumentException.class, () -> DeskAddress.of("servicedesk"));
        assertThrows(IllegalArgumentException.class, () -> DeskAddress.of("@itsm.example.org"));
    }
}
