import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { projectRoot } from '../../config';
import { ManifestModelRegistry, RUL_FEATURE_NAMES } from '../../models';

/*
 * A deliberately worse RUL candidate for shadow tests: an ONNX graph that answers the same number
 * for every engine (rul = features · 0 + c). No ONNX builder is installed, so the handful of
 * protobuf messages it needs are written here by field number (onnx.proto3).
 */

const varint = (n: number): number[] => {
  const out: number[] = [];
  while (n > 127) {
    out.push((n & 127) | 128);
    n = Math.floor(n / 128);
  }
  out.push(n);
  return out;
};
const tag = (field: number, wire: number) => varint((field << 3) | wire);
const bytes = (field: number, b: Uint8Array | number[]) => [...tag(field, 2), ...varint(b.length), ...b];
const str = (field: number, s: string) => bytes(field, [...Buffer.from(s, 'utf8')]);
const int = (field: number, n: number) => [...tag(field, 0), ...varint(n)];
const floats = (values: number[]) => [...new Uint8Array(new Float32Array(values).buffer)];

/** TypeProto of a float tensor; a dimension is a size or a symbolic name. */
const floatTensorType = (dims: (number | string)[]) =>
  bytes(1, [
    ...int(1, 1),
    ...bytes(
      2,
      dims.flatMap((d) => bytes(1, typeof d === 'number' ? int(1, d) : str(2, d))),
    ),
  ]);
const valueInfo = (name: string, dims: (number | string)[]) => [...str(1, name), ...bytes(2, floatTensorType(dims))];
const initializer = (name: string, dims: number[], values: number[]) => [
  ...dims.flatMap((d) => int(1, d)),
  ...int(2, 1),
  ...str(8, name),
  ...bytes(9, floats(values)),
];
const node = (op: string, inputs: string[], output: string) => [
  ...inputs.flatMap((i) => str(1, i)),
  ...str(2, output),
  ...str(3, output),
  ...str(4, op),
];

/** An ONNX model: input `features` [N, 43] → output `rul` [N, 1], every value `value`. */
export function constantRulOnnx(value: number): Buffer {
  const n = RUL_FEATURE_NAMES.length;
  const graph = [
    ...bytes(1, node('MatMul', ['features', 'zeros'], 'weighted')),
    ...bytes(1, node('Add', ['weighted', 'constant'], 'rul')),
    ...str(2, 'constant_rul'),
    ...bytes(5, initializer('zeros', [n, 1], Array(n).fill(0))),
    ...bytes(5, initializer('constant', [1], [value])),
    ...bytes(11, valueInfo('features', ['N', n])),
    ...bytes(12, valueInfo('rul', ['N', 1])),
  ];
  return Buffer.from([...int(1, 7), ...bytes(8, [...str(1, ''), ...int(2, 13)]), ...bytes(7, graph)]);
}

/**
 * A copy of the registry with one more version of the RUL regressor: production's manifest entry
 * (features, interval table) in front of the constant graph, so only the answers differ.
 */
export function registryWithConstantRulCandidate(version: string, value: number): { registry: ManifestModelRegistry; dir: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'rul-shadow-registry-'));
  // The committed registry, not modelsDir(): that would cache the configuration before a caller sets MODELS_DIR.
  const real = path.join(projectRoot, 'models');
  const manifest = JSON.parse(readFileSync(path.join(real, 'registry.json'), 'utf8'));
  // Artifact and card paths are relative to the manifest's directory: point them back at the real ones.
  for (const m of Object.values(manifest.models) as { versions: { artifact: string; card?: string }[] }[]) {
    for (const v of m.versions) {
      v.artifact = path.resolve(real, v.artifact);
      if (v.card) v.card = path.resolve(real, v.card);
    }
  }
  const onnx = constantRulOnnx(value);
  const artifact = path.join(dir, `constant-${value}.onnx`);
  writeFileSync(artifact, onnx);
  const model = manifest.models.cmapss_rul_regressor;
  const prod = model.versions.find((v: { stage: string }) => v.stage === 'Production');
  model.versions.push({
    ...prod,
    version,
    stage: 'None',
    description: `Constant ${value} cycles (a deliberately worse test candidate)`,
    artifact,
    sha256: createHash('sha256').update(onnx).digest('hex'),
    created_at: '2026-01-01T00:00:00Z',
  });
  writeFileSync(path.join(dir, 'registry.json'), JSON.stringify(manifest));
  // The models' data travels with the registry (MODELS_DIR): a replayed C-MAPSS engine's truth is
  // read from it, on whichever call first needs it.
  symlinkSync(path.join(real, 'data'), path.join(dir, 'data'));
  return { registry: new ManifestModelRegistry({ modelsDir: dir }), dir };
}
