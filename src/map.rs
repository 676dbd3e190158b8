//! Map geometry: the plate carrée projection shared with `scripts/world.mjs`, the view
//! box (zoom to the events, zoom about a point, pan, always inside the world), great-circle
//! lines and circles of a stated radius as projected paths, and marker shapes per
//! category. Pure, so what the map draws is tested without a browser.

use eventlens_extract::{geo, Category};

/// Map units per degree (the world is 720 × 360 units).
pub const SCALE: f64 = 2.0;
pub const WIDTH: f64 = 360.0 * SCALE;
pub const HEIGHT: f64 = 180.0 * SCALE;
/// The narrowest view: about 4 degrees across, a city and its surroundings.
const MIN_WIDTH: f64 = 4.0 * SCALE;
/// Width over height of the map's box on the page.
pub const ASPECT: f64 = 2.0;

/// (x, y) in map units of a point: x grows east, y grows south.
pub fn project(lat: f64, lon: f64) -> (f64, f64) {
    ((lon + 180.0) * SCALE, (90.0 - lat) * SCALE)
}

/// The part of the map in view, in map units (an SVG viewBox).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct View {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl View {
    pub fn world() -> View {
        View {
            x: 0.0,
            y: 0.0,
            w: WIDTH,
            h: WIDTH / ASPECT,
        }
    }

    /// The `viewBox` attribute.
    pub fn attr(&self) -> String {
        format!("{:.2} {:.2} {:.2} {:.2}", self.x, self.y, self.w, self.h)
    }

    /// Kept at the page's aspect, no narrower than a city's surroundings, no wider than
    /// the world, and never scrolled past its edges.
    fn clamped(self) -> View {
        let w = self.w.clamp(MIN_WIDTH, WIDTH);
        let h = w / ASPECT;
        let cx = self.x + self.w / 2.0;
        let cy = self.y + self.h / 2.0;
        View {
            x: (cx - w / 2.0).clamp(0.0, WIDTH - w),
            y: (cy - h / 2.0).clamp(0.0, (HEIGHT - h).max(0.0)),
            w,
            h,
        }
    }

    /// Zooms by `factor` (>1 zooms in) keeping the map point at (`fx`, `fy`), given as
    /// fractions of the view's width and height, where it is on screen.
    pub fn zoom(self, factor: f64, fx: f64, fy: f64) -> View {
        if !(factor.is_finite() && factor > 0.0) {
            return self;
        }
        let (px, py) = (self.x + fx * self.w, self.y + fy * self.h);
        let w = (self.w / factor).clamp(MIN_WIDTH, WIDTH);
        let h = w / ASPECT;
        View {
            x: px - fx * w,
            y: py - fy * h,
            w,
            h,
        }
        .clamped()
    }

    /// Moves the view by a share of its own size (a drag of half the box moves 0.5).
    pub fn pan(self, fx: f64, fy: f64) -> View {
        View {
            x: self.x + fx * self.w,
            y: self.y + fy * self.h,
            ..self
        }
        .clamped()
    }
}

/// The view that shows every given point with a margin: the events in view.
pub fn fit(points: &[(f64, f64)]) -> View {
    let Some(&(x0, y0)) = points.first() else {
        return View::world();
    };
    let (mut minx, mut maxx, mut miny, mut maxy) = (x0, x0, y0, y0);
    for &(x, y) in points {
        minx = minx.min(x);
        maxx = maxx.max(x);
        miny = miny.min(y);
        maxy = maxy.max(y);
    }
    let margin = 0.15;
    let w = ((maxx - minx) * (1.0 + 2.0 * margin))
        .max((maxy - miny) * (1.0 + 2.0 * margin) * ASPECT)
        .max(MIN_WIDTH * 2.0);
    View {
        x: (minx + maxx) / 2.0 - w / 2.0,
        y: (miny + maxy) / 2.0 - w / ASPECT / 2.0,
        w,
        h: w / ASPECT,
    }
    .clamped()
}

/// Points along the great circle from `a` to `b` (lat, lon in degrees), `n` segments.
pub fn great_circle(a: (f64, f64), b: (f64, f64), n: usize) -> Vec<(f64, f64)> {
    let to_v = |(lat, lon): (f64, f64)| {
        let (la, lo) = (lat.to_radians(), lon.to_radians());
        [la.cos() * lo.cos(), la.cos() * lo.sin(), la.sin()]
    };
    let (p, q) = (to_v(a), to_v(b));
    let dot = (p[0] * q[0] + p[1] * q[1] + p[2] * q[2]).clamp(-1.0, 1.0);
    let omega = dot.acos();
    let n = n.max(1);
    (0..=n)
        .map(|i| {
            let t = i as f64 / n as f64;
            let (s0, s1) = if omega.abs() < 1e-9 {
                (1.0 - t, t)
            } else {
                (
                    ((1.0 - t) * omega).sin() / omega.sin(),
                    (t * omega).sin() / omega.sin(),
                )
            };
            let v = [
                s0 * p[0] + s1 * q[0],
                s0 * p[1] + s1 * q[1],
                s0 * p[2] + s1 * q[2],
            ];
            let lat = v[2].atan2((v[0] * v[0] + v[1] * v[1]).sqrt()).to_degrees();
            (lat, v[1].atan2(v[0]).to_degrees())
        })
        .collect()
}

/// The point `km` from `origin` on the initial `bearing` (degrees from north).
pub fn destination(origin: (f64, f64), bearing: f64, km: f64) -> (f64, f64) {
    let d = km / geo::EARTH_RADIUS_KM;
    let (la, lo, b) = (
        origin.0.to_radians(),
        origin.1.to_radians(),
        bearing.to_radians(),
    );
    let lat = (la.sin() * d.cos() + la.cos() * d.sin() * b.cos()).asin();
    let lon = lo + (b.sin() * d.sin() * la.cos()).atan2(d.cos() - la.sin() * lat.sin());
    (lat.to_degrees(), lon.to_degrees())
}

/// The circle of points `km` from `origin`: where the text puts a place `km` away.
pub fn circle(origin: (f64, f64), km: f64, n: usize) -> Vec<(f64, f64)> {
    (0..=n.max(3))
        .map(|i| destination(origin, i as f64 * 360.0 / n.max(3) as f64, km))
        .collect()
}

/// An SVG path through points (lat, lon), broken where it crosses the antimeridian so
/// no line runs back across the whole map.
pub fn path(points: &[(f64, f64)]) -> String {
    let mut out = String::new();
    let mut prev: Option<f64> = None;
    for &(lat, lon) in points {
        let (x, y) = project(lat, lon);
        let jump = prev.is_none_or(|p| (p - lon).abs() > 180.0);
        out.push_str(&format!(
            "{}{:.2} {:.2}",
            if jump { "M" } else { "L" },
            x,
            y
        ));
        prev = Some(lon);
    }
    out
}

/// Marker radius in screen pixels: larger for more killed, so a glance finds the worst.
pub fn radius_px(killed: u64) -> f64 {
    (4.0 + 1.5 * (killed as f64).sqrt()).min(16.0)
}

/// A marker's outline around (0, 0) with radius 1, one shape per category so the
/// legend never relies on colour alone.
pub fn shape(c: Category) -> &'static str {
    match c {
        Category::MissileAttack => "M0 -1.2L1.1 0.8L-1.1 0.8Z",
        Category::AirDroneStrike => "M0 -1.2L1.2 0L0 1.2L-1.2 0Z",
        Category::Shelling => "M-0.9 -0.9H0.9V0.9H-0.9Z",
        Category::ArmedClash => "M-0.35 -1H0.35V-0.35H1V0.35H0.35V1H-0.35V0.35H-1V-0.35H-0.35Z",
        Category::AttackOnCivilians => "M1 0A1 1 0 1 1 -1 0A1 1 0 1 1 1 0Z",
        Category::Explosion => {
            "M0 -1.2L0.3 -0.4L1.1 -0.4L0.5 0.1L0.7 1L0 0.5L-0.7 1L-0.5 0.1L-1.1 -0.4L-0.3 -0.4Z"
        }
        Category::DiplomacyTalks => "M1 0L0.5 0.87L-0.5 0.87L-1 0L-0.5 -0.87L0.5 -0.87Z",
        Category::Investigation => "M0 1.2L1.1 -0.8L-1.1 -0.8Z",
        Category::Other => {
            "M1 0A1 1 0 1 1 -1 0A1 1 0 1 1 1 0ZM0.5 0A0.5 0.5 0 1 0 -0.5 0A0.5 0.5 0 1 0 0.5 0Z"
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn near(a: f64, b: f64, tol: f64) -> bool {
        (a - b).abs() <= tol
    }

    #[test]
    fn projection_corners() {
        assert_eq!(project(90.0, -180.0), (0.0, 0.0));
        assert_eq!(project(-90.0, 180.0), (WIDTH, HEIGHT));
        assert_eq!(project(0.0, 0.0), (WIDTH / 2.0, HEIGHT / 2.0));
    }

    #[test]
    fn fit_frames_the_points_and_stays_in_the_world() {
        let kyiv = project(50.45, 30.52);
        let dnipro = project(48.46, 35.04);
        let v = fit(&[kyiv, dnipro]);
        for (x, y) in [kyiv, dnipro] {
            assert!(
                x > v.x && x < v.x + v.w && y > v.y && y < v.y + v.h,
                "{v:?}"
            );
        }
        assert!(near(v.w / v.h, ASPECT, 1e-9));
        // One point: a city-sized view, not an infinitely deep zoom.
        let one = fit(&[kyiv]);
        assert!(one.w >= MIN_WIDTH);
        // Nothing located: the whole world.
        assert_eq!(fit(&[]), View::world());
        // Points at the edge: the view does not run off the map.
        let v = fit(&[project(80.0, 179.0), project(-50.0, -179.0)]);
        assert!(v.x >= 0.0 && v.x + v.w <= WIDTH + 1e-9 && v.y >= 0.0);
    }

    #[test]
    fn zoom_keeps_the_point_under_the_cursor_and_pan_is_bounded() {
        let v = View {
            x: 300.0,
            y: 60.0,
            w: 100.0,
            h: 50.0,
        };
        let z = v.zoom(2.0, 0.25, 0.5);
        assert!(near(z.w, 50.0, 1e-9));
        // The point a quarter across stays a quarter across.
        assert!(near(v.x + 0.25 * v.w, z.x + 0.25 * z.w, 1e-9));
        assert!(near(v.y + 0.5 * v.h, z.y + 0.5 * z.h, 1e-9));
        assert_eq!(v.zoom(f64::NAN, 0.5, 0.5), v);
        assert!(v.zoom(1e9, 0.5, 0.5).w >= MIN_WIDTH);
        assert!(near(v.zoom(1e-9, 0.5, 0.5).w, WIDTH, 1e-9));
        let p = v.pan(100.0, 0.0);
        assert!(near(p.x + p.w, WIDTH, 1e-9), "{p:?}");
        assert!(near(v.pan(0.5, 0.0).x, 350.0, 1e-9));
    }

    #[test]
    fn great_circle_ends_at_both_places_and_bends_poleward() {
        let moscow = (55.76, 37.62);
        let irkutsk = (52.30, 104.30);
        let pts = great_circle(moscow, irkutsk, 16);
        assert_eq!(pts.len(), 17);
        assert!(near(pts[0].0, moscow.0, 1e-6) && near(pts[0].1, moscow.1, 1e-6));
        assert!(near(pts[16].0, irkutsk.0, 1e-6) && near(pts[16].1, irkutsk.1, 1e-6));
        // On a great circle between two northern places the midpoint lies further north.
        assert!(pts[8].0 > moscow.0.max(irkutsk.0));
    }

    #[test]
    fn a_circle_lies_at_its_radius() {
        let kyiv = (50.45, 30.52);
        for (lat, lon) in circle(kyiv, 500.0, 24) {
            let d = geo::haversine_km(kyiv.0, kyiv.1, lat, lon);
            assert!(near(d, 500.0, 0.5), "{d}");
        }
    }

    #[test]
    fn paths_break_at_the_antimeridian() {
        let p = path(&[(60.0, 170.0), (62.0, 179.0), (63.0, -179.0), (64.0, -170.0)]);
        assert_eq!(p.matches('M').count(), 2, "{p}");
        assert!(p.starts_with("M700.00 60.00L"));
    }

    #[test]
    fn markers_grow_with_the_toll_within_bounds() {
        assert_eq!(radius_px(0), 4.0);
        assert!(radius_px(44) > radius_px(12));
        assert_eq!(radius_px(100_000), 16.0);
        let shapes: std::collections::HashSet<_> =
            Category::ALL.iter().map(|&c| shape(c)).collect();
        assert_eq!(shapes.len(), Category::ALL.len(), "one shape per category");
    }
}
