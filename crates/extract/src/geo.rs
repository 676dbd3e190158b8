//! Great-circle distance, the yardstick for distances that articles state.

/// Mean Earth radius (IUGG), in km.
pub const EARTH_RADIUS_KM: f64 = 6371.0088;
pub const KM_PER_MILE: f64 = 1.609344;

/// Haversine distance in km between two points given in degrees.
pub fn haversine_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = (lat2 - lat1).to_radians();
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_KM * a.sqrt().min(1.0).asin()
}

/// Relative difference of `stated` from `computed`, in percent.
pub fn percent_diff(stated: f64, computed: f64) -> f64 {
    if computed == 0.0 {
        return 0.0;
    }
    (stated - computed) / computed * 100.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_distances() {
        // Moscow → Irkutsk ≈ 4,200 km; London → Paris ≈ 344 km.
        let d = haversine_km(55.752, 37.618, 52.296, 104.291);
        assert!((4150.0..4250.0).contains(&d), "{d}");
        let d = haversine_km(51.5074, -0.1278, 48.8566, 2.3522);
        assert!((340.0..348.0).contains(&d), "{d}");
        assert_eq!(haversine_km(10.0, 10.0, 10.0, 10.0), 0.0);
        assert!(
            (haversine_km(0.0, 0.0, 0.0, 180.0) - std::f64::consts::PI * EARTH_RADIUS_KM).abs()
                < 1e-6
        );
    }

    #[test]
    fn percent() {
        assert!((percent_diff(110.0, 100.0) - 10.0).abs() < 1e-9);
        assert_eq!(percent_diff(5.0, 0.0), 0.0);
    }
}
