package dev.enclave.sample;

import java.util.List;
import java.util.Map;

/** Cities, streets, foreign birthplaces and the parts that facility, firm and employer names are built from. */
final class Places {
    static final List<City> CITIES = List.of(
            new City("Springfield", "IL", "Sangamon", "627", "217"), new City("Peoria", "IL", "Peoria", "616", "309"),
            new City("Rockford", "IL", "Winnebago", "611", "815"), new City("Naperville", "IL", "DuPage", "605", "630"),
            new City("Evanston", "IL", "Cook", "602", "847"), new City("Oak Park", "IL", "Cook", "603", "708"),
            new City("Cicero", "IL", "Cook", "608", "708"), new City("Fort Wayne", "IN", "Allen", "468", "260"),
            new City("Indianapolis", "IN", "Marion", "462", "317"), new City("Columbus", "OH", "Franklin", "432", "614"),
            new City("Dayton", "OH", "Montgomery", "454", "937"), new City("Toledo", "OH", "Lucas", "436", "419"),
            new City("Akron", "OH", "Summit", "443", "330"), new City("Ann Arbor", "MI", "Washtenaw", "481", "734"),
            new City("Grand Rapids", "MI", "Kent", "495", "616"), new City("Lansing", "MI", "Ingham", "489", "517"),
            new City("Flint", "MI", "Genesee", "485", "810"), new City("Dearborn", "MI", "Wayne", "481", "313"),
            new City("Milwaukee", "WI", "Milwaukee", "532", "414"), new City("Green Bay", "WI", "Brown", "543", "920"),
            new City("Minneapolis", "MN", "Hennepin", "554", "612"), new City("Duluth", "MN", "St. Louis", "558", "218"),
            new City("Des Moines", "IA", "Polk", "503", "515"), new City("Cedar Rapids", "IA", "Linn", "524", "319"),
            new City("Omaha", "NE", "Douglas", "681", "402"), new City("Wichita", "KS", "Sedgwick", "672", "316"),
            new City("Topeka", "KS", "Shawnee", "666", "785"), new City("Tulsa", "OK", "Tulsa", "741", "918"),
            new City("Little Rock", "AR", "Pulaski", "722", "501"), new City("Memphis", "TN", "Shelby", "381", "901"),
            new City("Knoxville", "TN", "Knox", "379", "865"), new City("Chattanooga", "TN", "Hamilton", "374", "423"),
            new City("Louisville", "KY", "Jefferson", "402", "502"), new City("Lexington", "KY", "Fayette", "405", "859"),
            new City("Birmingham", "AL", "Jefferson", "352", "205"), new City("Huntsville", "AL", "Madison", "358", "256"),
            new City("Savannah", "GA", "Chatham", "314", "912"), new City("Macon", "GA", "Bibb", "312", "478"),
            new City("Augusta", "GA", "Richmond", "309", "706"), new City("Columbia", "SC", "Richland", "292", "803"),
            new City("Greenville", "SC", "Greenville", "296", "864"), new City("Raleigh", "NC", "Wake", "276", "919"),
            new City("Durham", "NC", "Durham", "277", "919"), new City("Asheville", "NC", "Buncombe", "288", "828"),
            new City("Richmond", "VA", "Henrico", "232", "804"), new City("Norfolk", "VA", "Norfolk", "235", "757"),
            new City("Roanoke", "VA", "Roanoke", "240", "540"), new City("Baltimore", "MD", "Baltimore", "212", "410"),
            new City("Silver Spring", "MD", "Montgomery", "209", "301"),
            new City("Wilmington", "DE", "New Castle", "198", "302"), new City("Newark", "NJ", "Essex", "071", "973"),
            new City("Paterson", "NJ", "Passaic", "075", "973"), new City("Trenton", "NJ", "Mercer", "086", "609"),
            new City("Camden", "NJ", "Camden", "081", "856"), new City("Yonkers", "NY", "Westchester", "107", "914"),
            new City("Buffalo", "NY", "Erie", "142", "716"), new City("Rochester", "NY", "Monroe", "146", "585"),
            new City("Syracuse", "NY", "Onondaga", "132", "315"), new City("Albany", "NY", "Albany", "122", "518"),
            new City("Brooklyn", "NY", "Kings", "112", "718"), new City("Bronx", "NY", "Bronx", "104", "718"),
            new City("Hartford", "CT", "Hartford", "061", "860"), new City("New Haven", "CT", "New Haven", "065", "203"),
            new City("Bridgeport", "CT", "Fairfield", "066", "203"), new City("Worcester", "MA", "Worcester", "016", "508"),
            new City("Springfield", "MA", "Hampden", "011", "413"), new City("Lowell", "MA", "Middlesex", "018", "978"),
            new City("Manchester", "NH", "Hillsborough", "031", "603"),
            new City("Burlington", "VT", "Chittenden", "054", "802"), new City("Portland", "ME", "Cumberland", "041", "207"),
            new City("Pittsburgh", "PA", "Allegheny", "152", "412"), new City("Allentown", "PA", "Lehigh", "181", "610"),
            new City("Erie", "PA", "Erie", "165", "814"), new City("Scranton", "PA", "Lackawanna", "185", "570"),
            new City("Philadelphia", "PA", "Philadelphia", "191", "215"),
            new City("Jacksonville", "FL", "Duval", "322", "904"), new City("Tampa", "FL", "Hillsborough", "336", "813"),
            new City("Orlando", "FL", "Orange", "328", "407"), new City("Miami", "FL", "Miami-Dade", "331", "305"),
            new City("Hialeah", "FL", "Miami-Dade", "330", "305"), new City("Tallahassee", "FL", "Leon", "323", "850"),
            new City("Gainesville", "FL", "Alachua", "326", "352"),
            new City("Baton Rouge", "LA", "East Baton Rouge", "708", "225"),
            new City("Shreveport", "LA", "Caddo", "711", "318"), new City("New Orleans", "LA", "Orleans", "701", "504"),
            new City("Houston", "TX", "Harris", "770", "713"), new City("San Antonio", "TX", "Bexar", "782", "210"),
            new City("El Paso", "TX", "El Paso", "799", "915"), new City("Laredo", "TX", "Webb", "780", "956"),
            new City("Lubbock", "TX", "Lubbock", "794", "806"), new City("Austin", "TX", "Travis", "787", "512"),
            new City("Fort Worth", "TX", "Tarrant", "761", "817"), new City("Corpus Christi", "TX", "Nueces", "784", "361"),
            new City("Brownsville", "TX", "Cameron", "785", "956"),
            new City("Albuquerque", "NM", "Bernalillo", "871", "505"),
            new City("Las Cruces", "NM", "Doña Ana", "880", "575"), new City("Tucson", "AZ", "Pima", "857", "520"),
            new City("Phoenix", "AZ", "Maricopa", "850", "602"), new City("Mesa", "AZ", "Maricopa", "852", "480"),
            new City("Flagstaff", "AZ", "Coconino", "860", "928"), new City("Las Vegas", "NV", "Clark", "891", "702"),
            new City("Reno", "NV", "Washoe", "895", "775"), new City("Salt Lake City", "UT", "Salt Lake", "841", "801"),
            new City("Provo", "UT", "Utah", "846", "801"), new City("Boise", "ID", "Ada", "837", "208"),
            new City("Denver", "CO", "Denver", "802", "303"), new City("Pueblo", "CO", "Pueblo", "810", "719"),
            new City("Cheyenne", "WY", "Laramie", "820", "307"), new City("Billings", "MT", "Yellowstone", "591", "406"),
            new City("Fargo", "ND", "Cass", "581", "701"), new City("Sioux Falls", "SD", "Minnehaha", "571", "605"),
            new City("Spokane", "WA", "Spokane", "992", "509"), new City("Tacoma", "WA", "Pierce", "984", "253"),
            new City("Seattle", "WA", "King", "981", "206"), new City("Yakima", "WA", "Yakima", "989", "509"),
            new City("Portland", "OR", "Multnomah", "972", "503"), new City("Eugene", "OR", "Lane", "974", "541"),
            new City("Salem", "OR", "Marion", "973", "503"), new City("Sacramento", "CA", "Sacramento", "958", "916"),
            new City("Fresno", "CA", "Fresno", "937", "559"), new City("Oakland", "CA", "Alameda", "946", "510"),
            new City("San Jose", "CA", "Santa Clara", "951", "408"), new City("Stockton", "CA", "San Joaquin", "952", "209"),
            new City("Bakersfield", "CA", "Kern", "933", "661"), new City("Santa Ana", "CA", "Orange", "927", "714"),
            new City("Chula Vista", "CA", "San Diego", "919", "619"), new City("Long Beach", "CA", "Los Angeles", "908", "562"),
            new City("Pasadena", "CA", "Los Angeles", "911", "626"), new City("Anchorage", "AK", "Anchorage", "995", "907"),
            new City("Honolulu", "HI", "Honolulu", "968", "808"), new City("Hilo", "HI", "Hawaii", "967", "808"),
            new City("Kansas City", "MO", "Jackson", "641", "816"), new City("St. Louis", "MO", "St. Louis", "631", "314"));

    /** Full state names; states are not PHI and appear unannotated. */
    static final Map<String, String> STATE_NAMES = Map.ofEntries(
            Map.entry("IL", "Illinois"), Map.entry("IN", "Indiana"), Map.entry("OH", "Ohio"),
            Map.entry("MI", "Michigan"), Map.entry("WI", "Wisconsin"), Map.entry("MN", "Minnesota"),
            Map.entry("IA", "Iowa"), Map.entry("NE", "Nebraska"), Map.entry("KS", "Kansas"),
            Map.entry("OK", "Oklahoma"), Map.entry("AR", "Arkansas"), Map.entry("TN", "Tennessee"),
            Map.entry("KY", "Kentucky"), Map.entry("AL", "Alabama"), Map.entry("GA", "Georgia"),
            Map.entry("SC", "South Carolina"), Map.entry("NC", "North Carolina"), Map.entry("VA", "Virginia"),
            Map.entry("MD", "Maryland"), Map.entry("DE", "Delaware"), Map.entry("NJ", "New Jersey"),
            Map.entry("NY", "New York"), Map.entry("CT", "Connecticut"), Map.entry("MA", "Massachusetts"),
            Map.entry("NH", "New Hampshire"), Map.entry("VT", "Vermont"), Map.entry("ME", "Maine"),
            Map.entry("PA", "Pennsylvania"), Map.entry("FL", "Florida"), Map.entry("LA", "Louisiana"),
            Map.entry("TX", "Texas"), Map.entry("NM", "New Mexico"), Map.entry("AZ", "Arizona"),
            Map.entry("NV", "Nevada"), Map.entry("UT", "Utah"), Map.entry("ID", "Idaho"),
            Map.entry("CO", "Colorado"), Map.entry("WY", "Wyoming"), Map.entry("MT", "Montana"),
            Map.entry("ND", "North Dakota"), Map.entry("SD", "South Dakota"), Map.entry("WA", "Washington"),
            Map.entry("OR", "Oregon"), Map.entry("CA", "California"), Map.entry("AK", "Alaska"),
            Map.entry("HI", "Hawaii"), Map.entry("MO", "Missouri"));

    static final List<String> FOREIGN_CITIES = List.of(
            "Guadalajara", "Monterrey", "Puebla", "Oaxaca", "San Salvador", "Tegucigalpa", "San Pedro Sula",
            "Quetzaltenango", "Managua", "Port-au-Prince", "Santo Domingo", "Medellín", "Cali", "Caracas", "Lagos",
            "Accra", "Nairobi", "Addis Ababa", "Mogadishu", "Kabul", "Aleppo", "Baghdad", "Dhaka", "Lahore",
            "Karachi", "Mumbai", "Chennai", "Manila", "Cebu", "Ho Chi Minh City", "Hanoi", "Shenzhen", "Guangzhou",
            "Kyiv", "Kharkiv", "Tbilisi", "Damascus", "Kinshasa", "Freetown", "Havana");

    static final List<String> STREETS = List.of(
            "Elm", "Oak", "Maple", "Cedar", "Pine", "Walnut", "Chestnut", "Willow", "Birch", "Main", "Church",
            "Mill", "Park", "Lake", "Washington", "Lincoln", "Jefferson", "Madison", "Franklin", "Adams", "Grant",
            "Monroe", "Highland", "Sunset", "Ridge", "Meadow", "Spring", "River", "Harbor View", "Prospect",
            "Summit", "Orchard", "Fairview", "Greenwood", "Magnolia", "Dogwood", "Sycamore", "Hawthorne", "Juniper",
            "Aspen", "Mission", "Alameda", "Vista del Sol", "Paseo de las Flores", "Martin Luther King Jr",
            "Cesar Chavez", "Peachtree", "Old Mill", "Country Club", "Lakeshore", "Bayshore", "Westwood",
            "Kingsley", "Wabash", "Halsted", "Division", "Commerce", "Railroad", "Depot", "Cottonwood", "Bluebonnet",
            "Pleasant Valley", "Quail Run", "Foxglove", "Timberline", "Chapel Hill", "Rosewood", "Beacon");

    static final List<String> STREET_TYPES = List.of(
            "St", "Street", "Ave", "Avenue", "Rd", "Road", "Blvd", "Dr", "Drive", "Ln", "Lane", "Ct", "Court",
            "Way", "Pl", "Pkwy", "Terrace", "Circle", "Trail", "St.", "Ave.", "Rd.");

    static final List<String> FACILITY_PREFIXES = List.of(
            "Mercy", "St. Agnes", "St. Luke's", "St. Vincent", "Good Samaritan", "Holy Cross", "Lakeview",
            "Cedar Ridge", "Northshore", "Valley View", "Bayside", "Pinecrest", "Willow Creek", "Prairie",
            "Meadowbrook", "Silver Lake", "Baptist", "Methodist", "Presbyterian", "Adventist", "Sunrise",
            "Three Rivers", "Eastside", "Westview", "Crossroads", "Oak Hollow", "Blue Ridge", "Sequoia",
            "Harborside", "Unity", "Hillcrest", "Brookside", "Redwood", "Stonebridge");

    static final List<String> HOSPITAL_KINDS = List.of(
            "General Hospital", "Medical Center", "Regional Medical Center", "Memorial Hospital",
            "Community Hospital", "University Hospital", "Hospital", "Health Center");

    static final List<String> CLINIC_KINDS = List.of(
            "Family Medicine", "Primary Care Clinic", "Internal Medicine Associates", "Urgent Care",
            "Community Health Center", "Medical Group", "Imaging Center", "Outpatient Surgery Center",
            "Infusion Center", "Specialty Clinic", "Physicians Group", "Health Partners", "Counseling Center",
            "Behavioral Health");

    static final List<String> CARE_HOME_KINDS = List.of(
            "Care Center", "Nursing & Rehabilitation Center", "Senior Living", "Assisted Living", "Manor",
            "Gardens Care Home", "Skilled Nursing Facility", "Hospice House", "Health Care Center", "Post-Acute Care");

    static final List<String> COMPANY_WORDS = List.of(
            "Brightline", "Summit", "Keystone", "Ironwood", "Bluewater", "Northstar", "Redline", "Cobalt",
            "Evergreen", "Granite", "Horizon", "Pioneer", "Liberty", "Atlas", "Copperleaf", "Riverbend",
            "Silverline", "Trident", "Frontier", "Lakeside", "Oakmont", "Beacon", "Crescent", "Falcon");

    static final List<String> COMPANY_KINDS = List.of(
            "Logistics, Inc.", "Freight LLC", "Construction Co.", "Roofing & Siding", "Staffing Solutions",
            "Manufacturing Corp.", "Property Management", "Foods, Inc.", "Home Health Services", "Auto Body",
            "Warehousing LLC", "Builders Group", "Landscaping", "Security Services", "Insurance Agency",
            "Trucking Co.", "Dental Group", "Restaurant Group", "Cleaning Services", "Tech Solutions");

    static final List<String> EMAIL_DOMAINS = List.of(
            "gmail.com", "yahoo.com", "outlook.com", "icloud.com", "hotmail.com", "aol.com", "protonmail.com",
            "comcast.net", "att.net", "verizon.net", "live.com", "msn.com");

    private Places() {
    }
}
