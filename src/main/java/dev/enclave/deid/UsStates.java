package dev.enclave.deid;

import java.util.Locale;
import java.util.Set;

/** US state and territory names and postal abbreviations (states are not PHI; they anchor cities and ZIP codes). */
final class UsStates {

    static final Set<String> ABBREVIATIONS = Set.of("AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI",
            "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH",
            "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA",
            "WV", "WI", "WY", "DC", "PR", "GU", "VI");

    /** Abbreviations that are also common words, credentials or clinical abbreviations. */
    static final Set<String> AMBIGUOUS = Set.of("AL", "CA", "CO", "DE", "HI", "ID", "IN", "LA", "MA", "MD", "ME",
            "MS", "NE", "OH", "OK", "OR", "PA", "VA", "DC", "PR", "VI", "GA", "SC", "MO", "MT", "UT", "IA", "RI",
            "NM", "NC", "ND", "SD");

    static final Set<String> NAMES = Set.of("alabama", "alaska", "arizona", "arkansas", "california", "colorado",
            "connecticut", "delaware", "florida", "georgia", "hawaii", "idaho", "illinois", "indiana", "iowa", "kansas",
            "kentucky", "louisiana", "maine", "maryland", "massachusetts", "michigan", "minnesota", "mississippi",
            "missouri", "montana", "nebraska", "nevada", "new hampshire", "new jersey", "new mexico", "new york",
            "north carolina", "north dakota", "ohio", "oklahoma", "oregon", "pennsylvania", "rhode island",
            "south carolina", "south dakota", "tennessee", "texas", "utah", "vermont", "virginia", "washington",
            "west virginia", "wisconsin", "wyoming", "puerto rico", "district of columbia");

    /** Regex alternation of the state names, longest first, case-insensitive use. */
    static final String NAME_REGEX = "(?:New\\s+Hampshire|New\\s+Jersey|New\\s+Mexico|New\\s+York|North\\s+Carolina"
            + "|North\\s+Dakota|Rhode\\s+Island|South\\s+Carolina|South\\s+Dakota|West\\s+Virginia|Puerto\\s+Rico"
            + "|District\\s+of\\s+Columbia|Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware"
            + "|Florida|Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland"
            + "|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|Ohio|Oklahoma|Oregon"
            + "|Pennsylvania|Tennessee|Texas|Utah|Vermont|Virginia|Washington|Wisconsin|Wyoming)";

    /** Regex alternation of the abbreviations (case-sensitive use). */
    static final String ABBREVIATION_REGEX = "(?:" + String.join("|", ABBREVIATIONS) + ")";

    /** Countries and regions often named in notes; not PHI under Safe Harbor. */
    static final Set<String> NOT_LOCAL = Set.of("america", "usa", "us", "united states", "canada", "mexico",
            "china", "india", "japan", "korea", "vietnam", "philippines", "germany", "france", "italy", "spain",
            "england", "ireland", "scotland", "russia", "ukraine", "poland", "brazil", "cuba", "haiti", "jamaica",
            "guatemala", "honduras", "el salvador", "nicaragua", "colombia", "venezuela", "peru", "ecuador",
            "nigeria", "ghana", "kenya", "ethiopia", "somalia", "egypt", "iran", "iraq", "syria", "israel",
            "pakistan", "bangladesh", "afghanistan", "turkey", "greece", "portugal", "africa", "asia", "europe",
            "dominican republic", "puerto rico", "united kingdom", "uk", "australia", "new zealand");

    private UsStates() {
    }

    static boolean isStateName(String phrase) {
        return NAMES.contains(phrase.toLowerCase(Locale.ROOT).replaceAll("\\s+", " "));
    }
}
