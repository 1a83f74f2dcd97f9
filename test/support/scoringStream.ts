import { readingInputSchema } from '../../domain/reading';

/**
 * A daily-ish temperature signal with two spikes (readings 450 and 800) and a level shift from
 * reading 600: enough for the streaming detector to find things. The values depend only on the
 * index, so two sensors fed the same stream can be compared; readings are `stepMs` apart, the
 * last one `stepMs` before `endMs`.
 */
export function scoringStream(sensorId: string, n: number, endMs: number, stepMs: number) {
  return Array.from({ length: n }, (_, i) => {
    let v = 50 + 10 * Math.sin((2 * Math.PI * i) / 288) + ((i * 7919) % 13) / 6;
    if (i >= 600) v += 25;
    if (i === 450 || i === 800) v += 60;
    return readingInputSchema.parse({
      sensor_id: sensorId,
      sensor_type: 'temperature',
      value: Math.round(v * 1000) / 1000,
      quality: 0.99,
      timestamp: new Date(endMs - (n - i) * stepMs).toISOString(),
    });
  });
}
