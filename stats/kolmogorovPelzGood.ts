/**
 * Pelz–Good (1976) approximation to Pr(D_n <= x): the Li-Chien/Korolyuk expansion
 * K0(z) + K1(z)/√n + K2(z)/n + K3(z)/n^1.5 with z = x√n, each K rewritten through Jacobi theta
 * identities so the series converge quickly for small z. Used for large n, small n·x².
 */
const PI2 = Math.PI ** 2;
const PI4 = Math.PI ** 4;
const PI6 = Math.PI ** 6;
const SQRT_2PI = Math.sqrt(2 * Math.PI);
const MIN_LOG = -708;

export function kolmogorovCdfPelzGood(n: number, x: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const z = Math.sqrt(n) * x;
  const z2 = z ** 2;
  const z4 = z ** 4;
  const z6 = z ** 6;
  const qLog = -PI2 / 8 / z2;
  if (qLog < MIN_LOG) return 0;
  let q = Math.exp(qLog);

  const k1a = -z2;
  const k1b = PI2 / 4;
  const k2a = 6 * z6 + 2 * z4;
  const k2b = ((2 * z4 - 5 * z2) * PI2) / 4;
  const k2c = (PI4 * (1 - 2 * z2)) / 16;
  const k3d = (PI6 * (5 - 30 * z2)) / 64;
  const k3c = (PI4 * (-60 * z2 + 212 * z4)) / 16;
  const k3b = (PI2 * (135 * z4 - 96 * z6)) / 4;
  const k3a = -30 * z6 - 90 * z ** 8;

  // Horner over odd m = 2k − 1 of c_k · q^(m²); q^(m²) ratios are q^(8k).
  const K = [0, 0, 0, 0];
  const maxK = Math.ceil((16 * z) / Math.PI);
  for (let k = maxK; k >= 1; k--) {
    const m = 2 * k - 1;
    const m2 = m ** 2;
    const m4 = m ** 4;
    const m6 = m ** 6;
    const qPower = Math.pow(q, 8 * k);
    const coefficients = [1, k1a + k1b * m2, k2a + k2b * m2 + k2c * m4, k3a + k3b * m2 + k3c * m4 + k3d * m6];
    for (let i = 0; i < 4; i++) K[i] = K[i] * qPower + coefficients[i];
  }
  const divisors = [z, 6 * z4, 72 * z ** 7, 6480 * z ** 10];
  for (let i = 0; i < 4; i++) K[i] = (K[i] * q * SQRT_2PI) / divisors[i];

  // The remaining sums over all integers k contribute to K2 and K3 only.
  q = Math.exp(-PI2 / 2 / z2);
  const sqrt3z = Math.sqrt(3) * z;
  let k2Extra = 0;
  let k3Extra = 0;
  for (let k = maxK; k >= 1; k--) {
    const k2 = k * k;
    const qPower = q ** k2;
    const kPi = Math.PI * k;
    k2Extra += k2 * qPower;
    k3Extra += (sqrt3z + kPi) * (sqrt3z - kPi) * k2 * qPower;
  }
  K[2] += (k2Extra * PI2 * SQRT_2PI) / (-36 * z ** 3);
  K[3] += (k3Extra * PI2 * SQRT_2PI) / (216 * z6);
  let sum = 0;
  for (let i = 0; i < 4; i++) sum += K[i] / Math.pow(n, i / 2);
  return sum;
}
