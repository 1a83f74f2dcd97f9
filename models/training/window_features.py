"""Window features of a univariate sensor stream, and the synthetic normal streams they train on.

Every feature is a ratio of the stream to its own recent scale, so one Isolation Forest serves
sensors of any unit and level. The TypeScript twin is models/anomalyFeatures.ts; both use plain
sequential sums (not numpy's pairwise ones) so the two agree to the last bit (bar a logarithm's
last-bit rounding) before the float32 rounding.

For the point x[t], with the WINDOW previous readings W = x[t-WINDOW .. t-1]:
  med   = median(W), mad = median(|W - med|)
  mean  = sum(W) / WINDOW, sd = sqrt(sum((W - mean)^2) / WINDOW)
  sd_d  = population std of the WINDOW - 1 first differences of W
  sd_s  = population std of the SHORT last readings x[t-SHORT+1 .. t] (x[t] included)
  floor = SCALE_FLOOR * (|med| + 1)   keeps a perfectly flat window from dividing by zero
  robust_z   = min(|x[t] - med| / max(1.4826 * mad, floor), CLIP)
  z          = min(|x[t] - mean| / max(sd, floor), CLIP)
  diff_z     = min(|x[t] - x[t-1]| / max(sd_d, floor), CLIP)
  log_sd_ratio = clamp(ln(max(sd_s, floor) / max(sd, floor)), -LOG_CLIP, LOG_CLIP)
The first WINDOW points of a stream have no score.
"""

import math

import numpy as np

WINDOW = 20
SHORT = 5
SCALE_FLOOR = 1e-6
CLIP = 50.0
LOG_CLIP = 10.0
FEATURE_NAMES = ["robust_z", "z", "diff_z", "log_sd_ratio"]


def _mean(values):
    total = 0.0
    for v in values:
        total += v
    return total / len(values)


def _pop_std(values):
    mean = _mean(values)
    total = 0.0
    for v in values:
        total += (v - mean) * (v - mean)
    return math.sqrt(total / len(values))


def _median(values):
    ordered = sorted(values)
    n = len(ordered)
    mid = n // 2
    return ordered[mid] if n % 2 == 1 else (ordered[mid - 1] + ordered[mid]) / 2


def point_features(series, t):
    window = series[t - WINDOW : t]
    x = series[t]
    med = _median(window)
    mad = _median([abs(v - med) for v in window])
    mean = _mean(window)
    sd = _pop_std(window)
    sd_d = _pop_std([window[i] - window[i - 1] for i in range(1, WINDOW)])
    sd_s = _pop_std(series[t - SHORT + 1 : t + 1])
    floor = SCALE_FLOOR * (abs(med) + 1)
    robust_z = min(abs(x - med) / max(1.4826 * mad, floor), CLIP)
    z = min(abs(x - mean) / max(sd, floor), CLIP)
    diff_z = min(abs(x - series[t - 1]) / max(sd_d, floor), CLIP)
    log_ratio = math.log(max(sd_s, floor) / max(sd, floor))
    log_ratio = max(-LOG_CLIP, min(LOG_CLIP, log_ratio))
    return [robust_z, z, diff_z, log_ratio]


def series_features(series):
    """float64 rows, one per scorable point (t >= WINDOW)."""
    series = [float(v) for v in series]
    return [point_features(series, t) for t in range(WINDOW, len(series))]


def feature_spec() -> dict:
    return {
        "input_dtype": "float32",
        "window": WINDOW,
        "short_window": SHORT,
        "scale_floor": SCALE_FLOOR,
        "clip": CLIP,
        "log_clip": LOG_CLIP,
        "features": [
            {"name": "robust_z", "formula": "min(|x - median(W)| / max(1.4826 * MAD(W), floor), clip)"},
            {"name": "z", "formula": "min(|x - mean(W)| / max(popstd(W), floor), clip)"},
            {"name": "diff_z", "formula": "min(|x - x_prev| / max(popstd(diff(W)), floor), clip)"},
            {
                "name": "log_sd_ratio",
                "formula": "clamp(ln(max(popstd(last short_window incl. x), floor) / max(popstd(W), floor)), -log_clip, log_clip)",
            },
        ],
        "window_definition": "W = the `window` readings before x (x excluded); median of an even count is the mean of the two middle values",
        "floor": "scale_floor * (|median(W)| + 1)",
        "sums": "plain left-to-right sums; population (ddof=0) standard deviations",
        "warm_up": "the first `window` points of a stream are not scored",
    }


# --- synthetic normal streams -------------------------------------------------------------

GENERATOR_DOC = (
    "Each stream: n readings = level + slow drift + noise. level ~ U(-50, 500); sigma = 10^U(-2, 1.7); "
    "drift = linear slope ~ N(0, (0.002 sigma)^2) per step plus a sinusoid of amplitude U(0, 2) sigma and "
    "period U(200, 2000) steps; noise = AR(1) with phi ~ U(0, 0.5), Gaussian innovations scaled to a "
    "marginal std of sigma. One stream in five is quantised to a step of sigma / U(2, 10), as integer-"
    "reporting sensors are. numpy.random.default_rng(seed)."
)


def synthetic_normal_streams(seed: int, count: int, length: int):
    rng = np.random.default_rng(seed)
    streams = []
    for _ in range(count):
        level = rng.uniform(-50, 500)
        sigma = 10 ** rng.uniform(-2, 1.7)
        slope = rng.normal(0, 0.002 * sigma)
        amplitude = rng.uniform(0, 2) * sigma
        period = rng.uniform(200, 2000)
        phase = rng.uniform(0, 2 * np.pi)
        phi = rng.uniform(0, 0.5)
        innovations = rng.normal(0, sigma * math.sqrt(1 - phi * phi), length)
        noise = np.empty(length)
        noise[0] = rng.normal(0, sigma)
        for i in range(1, length):
            noise[i] = phi * noise[i - 1] + innovations[i]
        steps = np.arange(length)
        series = level + slope * steps + amplitude * np.sin(2 * np.pi * steps / period + phase) + noise
        if rng.uniform() < 0.2:
            resolution = sigma / rng.uniform(2, 10)
            series = np.round(series / resolution) * resolution
        streams.append(series)
    return streams
