namespace ReverseLogistics.Domain.Network;

/// <summary>A position on the earth in degrees (WGS 84): latitude -90..90, longitude -180..180.</summary>
public readonly record struct GeoPoint(double Latitude, double Longitude)
{
    /// <summary>Mean earth radius; the haversine distance is within 0.5 % of the ellipsoidal one.</summary>
    public const double EarthRadiusKm = 6371.0088;

    public bool IsValid =>
        double.IsFinite(Latitude) && double.IsFinite(Longitude) &&
        Latitude is >= -90 and <= 90 && Longitude is >= -180 and <= 180;

    /// <summary>Great-circle (haversine) distance in kilometres.</summary>
    public double DistanceKm(GeoPoint other)
    {
        var dLat = ToRadians(other.Latitude - Latitude);
        var dLon = ToRadians(other.Longitude - Longitude);
        var h = Hav(dLat) + Math.Cos(ToRadians(Latitude)) * Math.Cos(ToRadians(other.Latitude)) * Hav(dLon);
        return 2 * EarthRadiusKm * Math.Asin(Math.Sqrt(Math.Min(1, h)));
    }

    internal static double ToRadians(double degrees) => degrees * (Math.PI / 180);

    internal static double Hav(double radians)
    {
        var s = Math.Sin(radians / 2);
        return s * s;
    }
}
