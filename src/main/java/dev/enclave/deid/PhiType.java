package dev.enclave.deid;

/**
 * Kinds of protected health information that can occur in free text, each tied to the HIPAA Safe Harbor
 * identifier (45 CFR 164.514(b)(2)(i), letters A to R) it falls under. Gold span files and detector output use
 * these names.
 */
public enum PhiType {
    /** Names of patients, relatives, clinicians, staff, clients, parties. */
    NAME('A'),
    /** Street addresses. */
    ADDRESS('B'),
    /** Cities, counties, towns and other geographic units smaller than a state. */
    LOCATION('B'),
    /** ZIP codes (beyond the first three digits that Safe Harbor allows in populous areas). */
    ZIP('B'),
    /** Hospitals, clinics, care homes, firms and other named facilities. */
    FACILITY('B'),
    /** Every date element except the year, including dates with times. */
    DATE('C'),
    /** Ages over 89. */
    AGE('C'),
    PHONE('D'),
    FAX('E'),
    EMAIL('F'),
    SSN('G'),
    /** Medical record numbers. */
    MRN('H'),
    /** Health plan beneficiary and member numbers. */
    HEALTH_PLAN('I'),
    /** Account numbers, billing and bank. */
    ACCOUNT('J'),
    /** Certificate and licence numbers (driver's licence, professional licence, DEA, NPI). */
    LICENSE('K'),
    /** Vehicle identifiers: VINs, licence plates. */
    VEHICLE('L'),
    /** Device identifiers and serial numbers. */
    DEVICE('M'),
    URL('N'),
    IP('O'),
    /** Biometric identifiers named in text (fingerprint, retina scan identifiers). */
    BIOMETRIC('P'),
    /** Any other unique identifying number, characteristic or code (case numbers, docket numbers, badge ids). */
    OTHER_ID('R');

    private final char safeHarborLetter;

    PhiType(char safeHarborLetter) {
        this.safeHarborLetter = safeHarborLetter;
    }

    /** The letter of the Safe Harbor identifier this kind falls under, A to R. */
    public char safeHarborLetter() {
        return safeHarborLetter;
    }
}
