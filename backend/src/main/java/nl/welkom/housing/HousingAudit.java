package nl.welkom.housing;

/** Housing's action names in the audit trail ({@code AuditLog}); ids only, never an address or a name. */
final class HousingAudit {
    /** The quota overview or a period's households were read (no household id: a list). */
    static final String QUOTA_READ = "housing.quota.read";
    static final String QUOTA_LINK = "housing.quota.link";
    static final String QUOTA_UNLINK = "housing.quota.unlink";
    static final String OFFER_LIST = "housing.offer.list";
    static final String OFFER_READ = "housing.offer.read";
    static final String OFFER_CREATE = "housing.offer.create";
    static final String OFFER_UPDATE = "housing.offer.update";
    static final String GROUP_SUGGESTIONS_READ = "housing.group-suggestions.read";

    private HousingAudit() {
    }
}
