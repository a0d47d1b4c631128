/**
 * The Express server and the Remix server bundle each load their own copy of app modules;
 * keeping process-wide resources on globalThis makes both copies share one instance.
 */
export function singleton<T>(name: string, create: () => T): T {
  const store = globalThis as unknown as { __meedoen?: Map<string, unknown> };
  store.__meedoen ??= new Map();
  if (!store.__meedoen.has(name)) store.__meedoen.set(name, create());
  return store.__meedoen.get(name) as T;
}

export function forgetSingleton(name: string): void {
  (globalThis as unknown as { __meedoen?: Map<string, unknown> }).__meedoen?.delete(name);
}
