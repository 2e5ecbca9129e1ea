namespace PatentWeek.Cms.Data.Campaign;

/// <summary>The administrative kind of a 市州; the Chinese names are the display labels.</summary>
public enum CityKind
{
    /// <summary>市</summary>
    City,

    /// <summary>自治州</summary>
    AutonomousPrefecture,

    /// <summary>直管市 (province-administered city)</summary>
    ProvinceAdministeredCity,

    /// <summary>林区</summary>
    ForestryDistrict,
}
