"""parley.evaluate: external designs, common random numbers, and Sobol indices of the Nash
closed form (amount = r_D + power (r_P - r_D)) recovered from a Saltelli design."""
import numpy as np
import pytest

import parley
from conftest import KOREA

PARAMS = ["actors.us.reservation", "actors.host.reservation", "actors.us.power"]
LOW = np.array([1000.0, 1500.0, 0.2])   # r_D, r_P, power: r_D < r_P always, so a deal
HIGH = np.array([1400.0, 2500.0, 0.8])

# Joe & Kuo (2008) direction numbers (new-joe-kuo-6.21201) for dimensions 2..6; dimension 1 is
# the van der Corput sequence. (s, a, m_1..m_s) per dimension.
_JOE_KUO = [(1, 0, [1]), (2, 1, [1, 3]), (3, 1, [1, 3, 1]), (3, 2, [1, 1, 1]),
            (4, 1, [1, 1, 3, 3])]


def sobol_points(n, dims, bits=30):
    """The first n points of the unscrambled Sobol sequence (Gray-code order), skipping the
    all-zero point, in [0, 1)^dims: the base SALib's saltelli.sample draws A and B from."""
    directions = [[1 << (bits - k) for k in range(1, bits + 1)]]
    for s, a, m in _JOE_KUO[:dims - 1]:
        v = [m[k] << (bits - k - 1) for k in range(s)]
        for k in range(s, bits):
            value = v[k - s] ^ (v[k - s] >> s)
            for j in range(1, s):
                if (a >> (s - 1 - j)) & 1:
                    value ^= v[k - j]
            v.append(value)
        directions.append(v)
    x = [0] * dims
    out = np.empty((n, dims))
    for i in range(1, n + 1):  # point i from point i - 1: flip the lowest zero bit's direction
        c = (~(i - 1) & i).bit_length() - 1
        for d in range(dims):
            x[d] ^= directions[d][c]
        out[i - 1] = [value / (1 << bits) for value in x]
    return out


def saltelli_design(n, low, high):
    """Saltelli's scheme: rows A_j, AB^1_j .. AB^d_j, B_j for each base row j (n (d + 2) rows)."""
    d = len(low)
    base = sobol_points(n, 2 * d)
    a, b = base[:, :d], base[:, d:]
    rows = []
    for j in range(n):
        rows.append(a[j])
        for i in range(d):
            ab = a[j].copy()
            ab[i] = b[j, i]
            rows.append(ab)
        rows.append(b[j])
    return low + np.array(rows) * (high - low)


def sobol_estimates(y, d):
    """First-order (Saltelli 2010) and total (Jansen 1999) indices from Saltelli-ordered y."""
    y = y.reshape(-1, d + 2)
    fa, fb, fab = y[:, 0], y[:, d + 1], y[:, 1:d + 1]
    centre = np.concatenate([fa, fb]).mean()
    fa, fb, fab = fa - centre, fb - centre, fab - centre
    variance = np.concatenate([fa, fb]).var()
    first = (fb[:, None] * (fab - fa[:, None])).mean(axis=0) / variance
    total = ((fa[:, None] - fab) ** 2).mean(axis=0) / (2 * variance)
    return first, total


def closed_form(low, high):
    """Sobol indices of r_D + p (r_P - r_D), uniform independent inputs (derivation in
    tests/sweep/nash_sobol_closed_form.hpp)."""
    mean, var = (low + high) / 2, (high - low) ** 2 / 12
    main = np.array([(1 - mean[2]) ** 2 * var[0], mean[2] ** 2 * var[1],
                     (mean[1] - mean[0]) ** 2 * var[2]])
    d_p, p_p = var[2] * var[0], var[2] * var[1]
    total_variance = main.sum() + d_p + p_p
    return main / total_variance, (main + [d_p, p_p, d_p + p_p]) / total_variance


def test_sobol_indices_of_the_nash_amount_match_the_closed_form(nash_file):
    n, d = 1024, 3
    X = saltelli_design(n, LOW, HIGH)
    Y = parley.evaluate(nash_file, PARAMS, X, ["t.amount.mean", "t.agreed.share"], trials=16)
    assert Y.shape == (n * (d + 2), 2)
    assert np.all(Y[:, 1] == 1.0)  # every trial settles
    # Every row's mean amount is the closed form at that row (constant parameters: all 16
    # trials settle at the same amount), to rounding.
    r_d, r_p, power = X[:, 0], X[:, 1], X[:, 2]
    np.testing.assert_allclose(Y[:, 0], r_d + power * (r_p - r_d), rtol=1e-12)

    first, total = sobol_estimates(Y[:, 0], d)
    rng = np.random.default_rng(20261130)
    resampled = []
    for _ in range(1000):  # percentile bootstrap over the base rows
        rows = rng.integers(0, n, n)
        resampled.append(np.concatenate(sobol_estimates(
            Y[:, 0].reshape(n, d + 2)[rows].ravel(), d)))
    low, high = np.percentile(resampled, [2.5, 97.5], axis=0)
    exact = np.concatenate(closed_form(LOW, HIGH))
    estimate = np.concatenate([first, total])
    # Tolerance: the exact index inside the 95% bootstrap interval, and within 0.03 (N = 1024).
    assert np.all(low <= exact) and np.all(exact <= high), (low, exact, high)
    np.testing.assert_allclose(estimate, exact, atol=0.03)
    # The intervals say something: a bootstrap over N = 1024 base rows treats them as independent
    # draws, so its intervals are about 4 sd / sqrt(N) wide (0.02 .. 0.12 here), never near 1.
    assert np.all(high - low < 0.2), high - low


def test_common_random_numbers_and_thread_count(tmp_path):
    # Common random numbers: the same row twice gives identical numbers (same seed, same
    # draws); the thread count never changes a number.
    X = np.array([[0.1, 5.0], [0.3, 5.5], [0.1, 5.0], [0.5, 6.0]])
    params = ["tables.seoul.stall_p", "actors.us_trump.opening.median"]
    outputs = ["seoul.amount.mean", "seoul.agreed.share", "seoul.month.p50",
               "seoul.amount.p95[us_election_2020=biden]", "seoul.no_deal.count"]
    one = parley.evaluate(KOREA, params, X, outputs, trials=8192, seed=4, threads=1)
    two = parley.evaluate(KOREA, params, X, outputs, trials=8192, seed=4, threads=2)
    np.testing.assert_array_equal(one, two)
    np.testing.assert_array_equal(one[0], one[2])
    assert not np.array_equal(one[0], one[1])
    # Each row is parley.run at those values.
    r = parley.run(KOREA, trials=8192, seed=4,
                   set={"tables.seoul.stall_p": 0.3, "actors.us_trump.opening.median": 5.5})
    s = r.summary.set_index(["table", "metric", "group"])
    o = r.outcomes.set_index(["table", "group", "outcome"])
    assert one[1, 0] == s.loc[("seoul", "amount", "all"), "mean"]
    assert one[1, 1] == o.loc[("seoul", "all", "agreed"), "share"]
    assert one[1, 2] == s.loc[("seoul", "month", "all"), "p50"]
    assert one[1, 3] == s.loc[("seoul", "amount", "us_election_2020=biden"), "p95"]
    assert one[1, 4] == o.loc[("seoul", "all", "no_deal"), "count"]


def test_evaluate_agrees_with_sweep(nash_file, tmp_path):
    # A grid sweep and evaluate at the same points: the same statistics.
    sweep = parley.sweep(nash_file, {"actors.us.power": "0.2,0.5,0.7"}, trials=64,
                         out=tmp_path / "sweep")
    summary = sweep.summary
    assert list(summary.columns[:2]) == ["point", "actors.us.power"]
    Y = parley.evaluate(nash_file, ["actors.us.power"], np.array([0.2, 0.5, 0.7]),
                        ["t.amount.mean", "t.amount.p50"], trials=64)
    np.testing.assert_array_equal(Y[:, 0], summary["mean"].to_numpy())
    np.testing.assert_array_equal(Y[:, 1], summary["p50"].to_numpy())
    assert sweep.computed == 3 and sweep.sensitivity is None


def test_undefined_statistics_are_nan(nash_file):
    # r_D above r_P: no agreement is possible, so the amount has no mean.
    Y = parley.evaluate(nash_file, ["actors.host.reservation"], [[1100.0], [2000.0]],
                        ["t.amount.mean", "t.no_deal.share"], trials=16)
    assert np.isnan(Y[0, 0]) and Y[0, 1] == 1.0
    assert Y[1, 0] == pytest.approx(1200 + 0.5 * 800)
