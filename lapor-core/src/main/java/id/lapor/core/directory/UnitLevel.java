package id.lapor.core.directory;

/** Where a unit stands in the government hierarchy, from the national platform down to the village. */
public enum UnitLevel {
    /** The national manager of the platform. */
    NATIONAL,
    /** External oversight such as the Ombudsman. */
    OVERSIGHT,
    MINISTRY,
    PROVINCE,
    CITY_OR_REGENCY,
    /** A regional agency (perangkat daerah) of a province, city or regency. */
    REGIONAL_AGENCY,
    /** A district (kecamatan). */
    DISTRICT,
    /** A village (kelurahan or desa). */
    VILLAGE
}
