using System.Collections.Frozen;
using ReverseLogistics.Domain.Network;
using ReverseLogistics.Domain.Returns;

namespace ReverseLogistics.Domain.Routing;

/// <summary>
/// A validated network snapshot arranged for routing, built once and shared by every decision
/// (read-only, so safe across threads). Centres sit in a latitude/longitude grid of
/// <see cref="CellDegrees"/> cells stored as one flat array per cell range, so the router can walk
/// outward from a customer ring by ring instead of measuring every centre.
/// </summary>
public sealed class NetworkIndex
{
    public const double DefaultCellDegrees = 0.5;

    private readonly FulfillmentCenter[] _centers;
    private readonly double[] _x;
    private readonly double[] _y;
    private readonly double[] _z;
    private readonly FrozenSet<string>?[] _categories;
    private readonly int _rows;
    private readonly int _cols;
    private readonly int[] _cellStart;
    private readonly int[] _cellItems;
    private readonly FrozenDictionary<string, int> _centerIndex;
    private readonly FrozenDictionary<string, Contract> _contracts;
    private readonly Carrier[] _carriers;
    private readonly bool[]?[] _deliversTo;

    private NetworkIndex(FulfillmentNetwork network, double cellDegrees)
    {
        Network = network;
        CellDegrees = cellDegrees;
        _centers = [.. network.Centers];
        var n = _centers.Length;
        _centerIndex = Enumerable.Range(0, n).ToFrozenDictionary(i => _centers[i].Id, StringComparer.Ordinal);
        var points = _centers.Select(c => UnitVector(c.Location)).ToArray();
        (_x, _y, _z) = ([.. points.Select(p => p.X)], [.. points.Select(p => p.Y)], [.. points.Select(p => p.Z)]);
        _categories = [.. _centers.Select(c => c.CategoriesAccepted.Count == 0 ? null : c.CategoriesAccepted.ToFrozenSet(StringComparer.Ordinal))];

        _rows = (int)Math.Ceiling(180 / cellDegrees);
        _cols = (int)Math.Ceiling(360 / cellDegrees);
        // Counting sort into cells: _cellItems[_cellStart[cell].._cellStart[cell + 1]] are the cell's centres.
        var cellOf = _centers.Select(c => Cell(Row(c.Location.Latitude), Column(c.Location.Longitude))).ToArray();
        _cellStart = new int[_rows * _cols + 1];
        foreach (var cell in cellOf) _cellStart[cell + 1]++;
        for (var i = 1; i < _cellStart.Length; i++) _cellStart[i] += _cellStart[i - 1];
        _cellItems = new int[n];
        var next = (int[])_cellStart.Clone();
        for (var i = 0; i < n; i++) _cellItems[next[cellOf[i]]++] = i;

        _contracts = network.Contracts.ToFrozenDictionary(
            c => c.TenantId,
            c => new Contract([.. c.CenterIds.Select(id => _centerIndex[id])], n),
            StringComparer.Ordinal);
        _carriers = [.. network.Carriers];
        _deliversTo = [.. _carriers.Select(c => c.CenterIds.Count == 0 ? null : Mask(c.CenterIds))];
    }

    public FulfillmentNetwork Network { get; }
    public double CellDegrees { get; }
    public int CenterCount => _centers.Length;

    /// <summary>Validates the network (every violation at once) and indexes it.</summary>
    public static NetworkIndex Build(FulfillmentNetwork network, double cellDegrees = DefaultCellDegrees)
    {
        // The grid is dense over the globe: 0.1 degree cells take 26 MB, 0.5 degree cells (the default) 1 MB.
        ArgumentOutOfRangeException.ThrowIfLessThan(cellDegrees, 0.1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(cellDegrees, 90);
        NetworkValidator.Validate(network);
        return new NetworkIndex(network, cellDegrees);
    }

    internal FulfillmentCenter Center(int index) => _centers[index];

    internal Carrier Carrier(int index) => _carriers[index];

    internal Contract? ContractOf(string tenantId) => _contracts.GetValueOrDefault(tenantId);

    internal bool AcceptsAll(int center, IReadOnlyList<string> categories)
    {
        if (_categories[center] is not { } accepted) return true;
        for (var i = 0; i < categories.Count; i++)
            if (!accepted.Contains(categories[i])) return false;
        return true;
    }

    internal bool Delivers(int carrier, int center) => _deliversTo[carrier] is not { } mask || mask[center];

    /// <summary>Carriers that collect from the address by the method; few, so a scan per decision is cheap.</summary>
    internal int[] CarriersFrom(string countryCode, string postalCode, ReturnMethod method) =>
        [.. Enumerable.Range(0, _carriers.Length).Where(i => _carriers[i].ReturnMethods.Contains(method) && _carriers[i].Covers(countryCode, postalCode))];

    /// <summary>
    /// The squared straight-line distance through the earth between unit vectors: it orders centres
    /// as the great-circle distance does, for three multiplications instead of four trigonometric calls.
    /// </summary>
    internal double Chord2((double X, double Y, double Z) p, int center)
    {
        var (dx, dy, dz) = (_x[center] - p.X, _y[center] - p.Y, _z[center] - p.Z);
        return dx * dx + dy * dy + dz * dz;
    }

    internal static (double X, double Y, double Z) UnitVector(GeoPoint point)
    {
        var (lat, lon) = (GeoPoint.ToRadians(point.Latitude), GeoPoint.ToRadians(point.Longitude));
        return (Math.Cos(lat) * Math.Cos(lon), Math.Cos(lat) * Math.Sin(lon), Math.Sin(lat));
    }

    internal static double ChordToKm(double chord2) => 2 * GeoPoint.EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(chord2) / 2));

    private static double KmToChord2(double km)
    {
        if (km >= Math.PI * GeoPoint.EarthRadiusKm) return 4;
        var chord = 2 * Math.Sin(km / (2 * GeoPoint.EarthRadiusKm));
        return chord * chord;
    }

    /// <summary>
    /// Calls <paramref name="visit"/> with every centre (and its <see cref="Chord2"/>) in ring 0 (the customer's cell), then ring 1
    /// (the 8 cells around it), and so on. After each ring it computes a lower bound on the distance of
    /// any centre not yet visited and stops once <paramref name="enough"/> says that bound (as a chord²) is too far to
    /// matter, or when every centre has been visited.
    /// </summary>
    internal void VisitOutward(GeoPoint from, Action<int, double> visit, Func<double, bool> enough)
    {
        var p = UnitVector(from);
        var cosLat = Math.Cos(GeoPoint.ToRadians(from.Latitude));
        var (row0, col0) = (Row(from.Latitude), Column(from.Longitude));
        // Column offsets that name distinct columns once the ring wraps round the antimeridian.
        var (westMost, eastMost) = ((_cols - 1) / 2, _cols / 2);
        var visited = 0;
        for (var r = 0; ; r++)
        {
            var (west, east) = (Math.Min(r, westMost), Math.Min(r, eastMost));
            for (var dRow = -r; dRow <= r; dRow++)
            {
                var row = row0 + dRow;
                if (row < 0 || row >= _rows) continue;
                if (Math.Abs(dRow) == r)
                {
                    for (var dCol = -west; dCol <= east; dCol++) VisitCell(row, col0 + dCol);
                }
                else
                {
                    if (r <= westMost) VisitCell(row, col0 - r);
                    if (r <= eastMost) VisitCell(row, col0 + r);
                }
            }

            var bound = UnvisitedBoundKm(r, row0, cosLat);
            if (visited == _centers.Length || double.IsPositiveInfinity(bound) || enough(KmToChord2(bound))) return;
        }

        void VisitCell(int row, int col)
        {
            var cell = Cell(row, ((col % _cols) + _cols) % _cols);
            for (var k = _cellStart[cell]; k < _cellStart[cell + 1]; k++)
            {
                var center = _cellItems[k];
                visited++;
                visit(center, Chord2(p, center));
            }
        }
    }

    /// <summary>
    /// The least distance from a point in cell row <paramref name="row0"/> to any point outside the
    /// rings 0..r; infinity when those rings cover the globe. A point in a row beyond the rings differs
    /// in latitude by more than r cells; one in a column beyond them differs in longitude by more than
    /// r cells while its latitude lies within the rings' rows, and the haversine formula bounds that
    /// from below by the cosine of the most poleward latitude those rows reach.
    /// </summary>
    private double UnvisitedBoundKm(int r, int row0, double cosLat)
    {
        var allRows = row0 - r <= 0 && row0 + r >= _rows - 1;
        var allCols = 2 * r + 1 >= _cols;
        var span = GeoPoint.ToRadians(r * CellDegrees);
        var byLatitude = allRows ? double.PositiveInfinity : GeoPoint.EarthRadiusKm * span;
        var byLongitude = double.PositiveInfinity;
        if (!allCols)
        {
            var south = Math.Max(-90, (row0 - r) * CellDegrees - 90);
            var north = Math.Min(90, (row0 + r + 1) * CellDegrees - 90);
            var cosPoleward = Math.Cos(GeoPoint.ToRadians(Math.Max(Math.Abs(south), Math.Abs(north))));
            var h = cosLat * Math.Max(0, cosPoleward) * GeoPoint.Hav(span);
            byLongitude = 2 * GeoPoint.EarthRadiusKm * Math.Asin(Math.Sqrt(Math.Min(1, h)));
        }
        return Math.Min(byLatitude, byLongitude);
    }

    private int Row(double latitude) => Math.Clamp((int)Math.Floor((latitude + 90) / CellDegrees), 0, _rows - 1);

    private int Column(double longitude) => ((int)Math.Floor((longitude + 180) / CellDegrees) % _cols + _cols) % _cols;

    private int Cell(int row, int col) => row * _cols + col;

    private bool[] Mask(IReadOnlyList<string> centerIds)
    {
        var mask = new bool[_centers.Length];
        foreach (var id in centerIds) mask[_centerIndex[id]] = true;
        return mask;
    }

    /// <summary>
    /// A tenant's centres in preference order, and each centre's rank: an array over the whole network
    /// for a large contract (the grid walk asks it of every centre it passes), a dictionary for a small one.
    /// </summary>
    internal sealed class Contract
    {
        private readonly int[]? _rankByCenter;
        private readonly FrozenDictionary<int, int>? _rank;

        public Contract(int[] centers, int networkSize)
        {
            Centers = centers;
            if (centers.Length > ReturnRouter.ContractScanLimit)
            {
                _rankByCenter = new int[networkSize];
                Array.Fill(_rankByCenter, -1);
                for (var r = 0; r < centers.Length; r++) _rankByCenter[centers[r]] = r;
            }
            else
            {
                _rank = Enumerable.Range(0, centers.Length).ToFrozenDictionary(r => centers[r]);
            }
        }

        public int[] Centers { get; }

        public int? RankOf(int center) =>
            _rankByCenter is { } dense ? (dense[center] is var r and >= 0 ? r : null)
            : _rank!.TryGetValue(center, out var rank) ? rank : null;
    }
}
