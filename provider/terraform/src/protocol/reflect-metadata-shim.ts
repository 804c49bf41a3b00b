// @peculiar/x509 2.x (through tsyringe) refuses to load without a Reflect
// metadata polyfill. It only needs these four functions, so we provide them
// rather than add a dependency. A real polyfill, if loaded first, wins.

type MetadataTarget = object;
type MetadataKey = unknown;

interface ReflectMetadata {
  getMetadata(key: MetadataKey, target: MetadataTarget): unknown;
  getOwnMetadata(key: MetadataKey, target: MetadataTarget): unknown;
  defineMetadata(key: MetadataKey, value: unknown, target: MetadataTarget): void;
  metadata(key: MetadataKey, value: unknown): (target: MetadataTarget) => void;
}

export function installReflectMetadataShim(): void {
  const reflect = Reflect as typeof Reflect & Partial<ReflectMetadata>;
  if (typeof reflect.getMetadata === "function") return;

  const store = new WeakMap<MetadataTarget, Map<MetadataKey, unknown>>();
  const shim: ReflectMetadata = {
    getOwnMetadata: (key, target) => store.get(target)?.get(key),
    getMetadata(key, target) {
      for (let t: MetadataTarget | null = target; t; t = Object.getPrototypeOf(t) as MetadataTarget | null) {
        const entries = store.get(t);
        if (entries?.has(key)) return entries.get(key);
      }
      return undefined;
    },
    defineMetadata(key, value, target) {
      let entries = store.get(target);
      if (!entries) store.set(target, (entries = new Map()));
      entries.set(key, value);
    },
    metadata: (key, value) => (target) => shim.defineMetadata(key, value, target),
  };
  Object.assign(reflect, shim);
}
