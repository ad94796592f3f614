/**
 * What the staff pages say for each error code the API returns, in German and English. The API
 * keeps stable codes; the pages translate them. Typed by the `ErrorCode` union, so a new server
 * code without a text here is a type error.
 */
import type { ClientErrorCode } from './api-client.ts';

export type StaffLocale = 'de' | 'en';

export const errorTexts: Record<StaffLocale, Record<ClientErrorCode, string>> = {
  de: {
    bad_request: 'Die Anfrage war ungültig. Bitte prüfen Sie Ihre Eingabe.',
    invalid_json: 'Die Anfrage war ungültig. Bitte laden Sie die Seite neu.',
    invalid_request: 'Bitte prüfen Sie Ihre Eingabe.',
    unknown_locale: 'Diese Sprache ist nicht eingerichtet.',
    invalid_entry: 'Der Eintrag ist unvollständig oder fehlerhaft. Bitte prüfen Sie die markierten Felder.',
    entry_deleted: 'Dieser Eintrag ist zum Löschen vorgemerkt. Stellen Sie ihn zuerst wieder her.',
    unauthorized: 'Bitte melden Sie sich (erneut) an.',
    forbidden: 'Dafür fehlt Ihnen die Berechtigung.',
    four_eyes: 'Sie haben diese Änderung selbst geschrieben: Eine andere Person muss sie freigeben.',
    not_in_review:
      'Die Änderung wurde noch nicht zur Prüfung gegeben. Erst danach kann sie freigegeben werden.',
    not_found: 'Das gibt es nicht (mehr). Die Ansicht wurde aktualisiert.',
    conflict: 'Das geht gerade nicht, weil sich inzwischen etwas geändert hat. Bitte neu laden.',
    version_conflict: 'Jemand anderes hat das inzwischen geändert. Bitte laden Sie neu.',
    idempotency_conflict: 'Diese Anfrage wurde schon mit anderem Inhalt gesendet.',
    busy: 'Das wurde gerade geändert. Bitte versuchen Sie es noch einmal.',
    claimed_by_other: 'Jemand anderes bearbeitet diese Anfrage bereits.',
    wrong_status: 'Das geht im aktuellen Status nicht. Die Ansicht wurde aktualisiert.',
    not_answered: 'Beantworten Sie die Anfrage zuerst.',
    not_imported: 'Die Wissensdatenbank wurde noch nicht eingespielt.',
    gate_failed: 'Nicht veröffentlicht: Die Qualitätsprüfung ist nicht bestanden.',
    approval_required: 'Die Änderung muss zuerst von einer zweiten Person freigegeben werden.',
    publish_conflict:
      'Gleichzeitig wurde eine andere Änderung veröffentlicht. Bitte neu laden und erneut veröffentlichen.',
    related_entries:
      'Andere Einträge verweisen noch auf diesen Eintrag. Entfernen Sie zuerst diese Verweise.',
    too_many_phrasings:
      'Dieser Eintrag hat schon zu viele Formulierungen. Es wurde nichts hinzugefügt. Bitte entfernen Sie zuerst Formulierungen oder fassen Sie ähnliche zusammen.',
    payload_too_large: 'Der Text ist zu lang.',
    unsupported_media_type: 'Die Anfrage hatte ein falsches Format. Bitte laden Sie die Seite neu.',
    too_many_requests: 'Zu viele Anfragen. Bitte warten Sie einen Moment.',
    challenge_required: 'Bitte versuchen Sie es noch einmal.',
    internal_error: 'Etwas ist schiefgegangen. Bitte versuchen Sie es noch einmal.',
    service_unavailable: 'Der Dienst ist gerade ausgelastet. Bitte versuchen Sie es gleich noch einmal.',
    network: 'Keine Verbindung zum Server. Bitte prüfen Sie Ihre Internetverbindung.',
  },
  en: {
    bad_request: 'The request was invalid. Please check your input.',
    invalid_json: 'The request was invalid. Please reload the page.',
    invalid_request: 'Please check your input.',
    unknown_locale: 'This language is not set up.',
    invalid_entry: 'The entry is incomplete or invalid. Please check the marked fields.',
    entry_deleted: 'This entry is marked for deletion. Restore it first.',
    unauthorized: 'Please sign in (again).',
    forbidden: 'You lack the permission for this.',
    four_eyes: 'You wrote this change yourself: another person must approve it.',
    not_in_review: 'This change has not been sent for review yet. It can be approved only after that.',
    not_found: 'This does not exist (any more). The view was refreshed.',
    conflict: 'This is not possible right now because something changed. Please reload.',
    version_conflict: 'Someone else changed this in the meantime. Please reload.',
    idempotency_conflict: 'This request was already sent with different content.',
    busy: 'This was just changed. Please try again.',
    claimed_by_other: 'Someone else is already working on this request.',
    wrong_status: 'This is not possible in the current status. The view was refreshed.',
    not_answered: 'Answer the request first.',
    not_imported: 'The knowledge base has not been imported yet.',
    gate_failed: 'Not published: the quality check failed.',
    approval_required: 'A second person must approve the change first.',
    publish_conflict: 'Another change was published at the same moment. Please reload and publish again.',
    related_entries: 'Other entries still refer to this entry. Remove those references first.',
    too_many_phrasings:
      'This entry already has too many phrasings. Nothing was added. Please remove phrasings or merge similar ones first.',
    payload_too_large: 'The text is too long.',
    unsupported_media_type: 'The request had the wrong format. Please reload the page.',
    too_many_requests: 'Too many requests. Please wait a moment.',
    challenge_required: 'Please try again.',
    internal_error: 'Something went wrong. Please try again.',
    service_unavailable: 'The service is busy. Please try again in a moment.',
    network: 'No connection to the server. Please check your internet connection.',
  },
};
