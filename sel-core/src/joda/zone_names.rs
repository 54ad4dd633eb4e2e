//! English zone names for patterns `z` and `zzzz`, as Joda gets them from Java 21's
//! CLDR-based `DateFormatSymbols.getZoneStrings()` for the en_US locale, keyed by the
//! zone id Joda displays. Zones missing here print their offset (`+05:45`), which is
//! also what Joda does for zones the JDK has no names for.

/// `(short standard, long standard, short daylight, long daylight)`.
pub type Names = (&'static str, &'static str, &'static str, &'static str);

const PACIFIC: Names = (
    "PST",
    "Pacific Standard Time",
    "PDT",
    "Pacific Daylight Time",
);
const MOUNTAIN: Names = (
    "MST",
    "Mountain Standard Time",
    "MDT",
    "Mountain Daylight Time",
);
const CENTRAL: Names = (
    "CST",
    "Central Standard Time",
    "CDT",
    "Central Daylight Time",
);
const EASTERN: Names = (
    "EST",
    "Eastern Standard Time",
    "EDT",
    "Eastern Daylight Time",
);
const ATLANTIC: Names = (
    "AST",
    "Atlantic Standard Time",
    "ADT",
    "Atlantic Daylight Time",
);
const ALASKA: Names = (
    "AKST",
    "Alaska Standard Time",
    "AKDT",
    "Alaska Daylight Time",
);
const HAWAII: Names = (
    "HST",
    "Hawaii-Aleutian Standard Time",
    "HDT",
    "Hawaii-Aleutian Daylight Time",
);
const GMT: Names = ("GMT", "Greenwich Mean Time", "GMT", "Greenwich Mean Time");
const UTC: Names = (
    "UTC",
    "Coordinated Universal Time",
    "UTC",
    "Coordinated Universal Time",
);
const CET: Names = (
    "CET",
    "Central European Standard Time",
    "CEST",
    "Central European Summer Time",
);
const EET: Names = (
    "EET",
    "Eastern European Standard Time",
    "EEST",
    "Eastern European Summer Time",
);
const WET: Names = (
    "WET",
    "Western European Standard Time",
    "WEST",
    "Western European Summer Time",
);
const AUS_EAST: Names = (
    "AEST",
    "Australian Eastern Standard Time",
    "AEDT",
    "Australian Eastern Daylight Time",
);
const AUS_CENTRAL: Names = (
    "ACST",
    "Australian Central Standard Time",
    "ACDT",
    "Australian Central Daylight Time",
);
const AUS_WEST: Names = (
    "AWST",
    "Australian Western Standard Time",
    "AWDT",
    "Australian Western Daylight Time",
);

/// The names of a zone, by the id Joda displays.
pub fn names(id: &str) -> Option<Names> {
    Some(match id {
        "America/Los_Angeles" | "America/Vancouver" | "America/Tijuana" | "PST8PDT" => PACIFIC,
        "America/Denver" | "America/Phoenix" | "America/Edmonton" | "America/Boise" | "MST"
        | "MST7MDT" => MOUNTAIN,
        "America/Chicago"
        | "America/Winnipeg"
        | "America/Mexico_City"
        | "America/Regina"
        | "America/Costa_Rica"
        | "America/Guatemala"
        | "America/El_Salvador"
        | "America/Tegucigalpa"
        | "America/Monterrey"
        | "CST6CDT" => CENTRAL,
        "America/New_York"
        | "America/Toronto"
        | "America/Detroit"
        | "America/Panama"
        | "America/Jamaica"
        | "America/Cancun"
        | "America/Indiana/Indianapolis"
        | "America/Kentucky/Louisville"
        | "EST"
        | "EST5EDT" => EASTERN,
        "America/Halifax" | "America/Puerto_Rico" | "Atlantic/Bermuda" => ATLANTIC,
        "America/Anchorage" | "America/Juneau" => ALASKA,
        "Pacific/Honolulu" | "America/Adak" | "HST" => HAWAII,
        "America/St_Johns" => (
            "NST",
            "Newfoundland Standard Time",
            "NDT",
            "Newfoundland Daylight Time",
        ),
        "America/Sao_Paulo" => (
            "BRT",
            "Brasilia Standard Time",
            "BRST",
            "Brasilia Summer Time",
        ),
        "America/Argentina/Buenos_Aires" => (
            "ART",
            "Argentina Standard Time",
            "ARST",
            "Argentina Summer Time",
        ),
        "America/Bogota" => (
            "COT",
            "Colombia Standard Time",
            "COST",
            "Colombia Summer Time",
        ),
        "America/Lima" => ("PET", "Peru Standard Time", "PEST", "Peru Summer Time"),
        "America/Santiago" => ("CLT", "Chile Standard Time", "CLST", "Chile Summer Time"),
        "Etc/GMT" | "Europe/Reykjavik" | "Atlantic/Reykjavik" | "Africa/Abidjan"
        | "Africa/Accra" => GMT,
        "UTC" | "Etc/UTC" => UTC,
        "Europe/London" => ("GMT", "Greenwich Mean Time", "BST", "British Summer Time"),
        "Europe/Dublin" => ("GMT", "Greenwich Mean Time", "IST", "Irish Standard Time"),
        "Europe/Paris" | "Europe/Berlin" | "Europe/Madrid" | "Europe/Rome" | "Europe/Amsterdam"
        | "Europe/Brussels" | "Europe/Vienna" | "Europe/Zurich" | "Europe/Stockholm"
        | "Europe/Oslo" | "Europe/Copenhagen" | "Europe/Warsaw" | "Europe/Prague"
        | "Europe/Budapest" | "Europe/Belgrade" | "Europe/Luxembourg" | "Europe/Monaco"
        | "Europe/Malta" | "Europe/Zagreb" | "Europe/Ljubljana" | "Europe/Bratislava"
        | "Europe/Sarajevo" | "Europe/Skopje" | "Europe/Tirane" | "Europe/Andorra"
        | "Europe/Gibraltar" | "Africa/Algiers" | "Africa/Tunis" | "CET" | "MET" => CET,
        "Europe/Athens" | "Europe/Helsinki" | "Europe/Kiev" | "Europe/Bucharest"
        | "Europe/Sofia" | "Europe/Riga" | "Europe/Tallinn" | "Europe/Vilnius" | "Asia/Beirut"
        | "Asia/Nicosia" | "Africa/Cairo" | "EET" => EET,
        "Europe/Lisbon" | "Atlantic/Canary" | "Atlantic/Madeira" | "WET" => WET,
        "Europe/Moscow" => ("MSK", "Moscow Standard Time", "MSD", "Moscow Summer Time"),
        "Europe/Istanbul" | "Asia/Istanbul" => ("TRT", "Turkey Time", "TRT", "Turkey Time"),
        "Asia/Tokyo" => ("JST", "Japan Standard Time", "JDT", "Japan Daylight Time"),
        "Asia/Seoul" => ("KST", "Korean Standard Time", "KDT", "Korean Daylight Time"),
        "Asia/Shanghai" | "Asia/Taipei" | "Asia/Macau" => {
            ("CST", "China Standard Time", "CDT", "China Daylight Time")
        }
        "Asia/Hong_Kong" => (
            "HKT",
            "Hong Kong Standard Time",
            "HKST",
            "Hong Kong Summer Time",
        ),
        "Asia/Kolkata" => ("IST", "India Standard Time", "IDT", "India Daylight Time"),
        "Asia/Singapore" => (
            "SGT",
            "Singapore Standard Time",
            "SGT",
            "Singapore Standard Time",
        ),
        "Asia/Dubai" => ("GST", "Gulf Standard Time", "GST", "Gulf Standard Time"),
        "Asia/Jerusalem" => ("IST", "Israel Standard Time", "IDT", "Israel Daylight Time"),
        "Asia/Karachi" => (
            "PKT",
            "Pakistan Standard Time",
            "PKST",
            "Pakistan Summer Time",
        ),
        "Asia/Jakarta" => (
            "WIB",
            "Western Indonesia Time",
            "WIB",
            "Western Indonesia Time",
        ),
        "Asia/Manila" => (
            "PST",
            "Philippine Standard Time",
            "PDT",
            "Philippine Summer Time",
        ),
        "Asia/Kathmandu" => ("NPT", "Nepal Time", "NPT", "Nepal Time"),
        "Australia/Sydney" | "Australia/Melbourne" | "Australia/Brisbane" | "Australia/Hobart" => {
            AUS_EAST
        }
        "Australia/Adelaide" | "Australia/Darwin" => AUS_CENTRAL,
        "Australia/Perth" => AUS_WEST,
        "Pacific/Auckland" => (
            "NZST",
            "New Zealand Standard Time",
            "NZDT",
            "New Zealand Daylight Time",
        ),
        "Africa/Johannesburg" => (
            "SAST",
            "South Africa Standard Time",
            "SAST",
            "South Africa Standard Time",
        ),
        "Africa/Lagos" => (
            "WAT",
            "West Africa Standard Time",
            "WAST",
            "West Africa Summer Time",
        ),
        "Africa/Nairobi" => ("EAT", "East Africa Time", "EAT", "East Africa Time"),
        _ => return None,
    })
}
