/**
 * When the person last touched the app (key, pointer, scroll). Background polling (the bell)
 * asks this so that an unattended screen does not keep its session alive forever.
 */
let lastActivity = Date.now();

if (typeof window !== 'undefined') {
  const mark = () => {
    lastActivity = Date.now();
  };
  for (const type of ['keydown', 'pointerdown', 'wheel', 'touchstart'] as const) window.addEventListener(type, mark, { passive: true, capture: true });
}

export function idleForMs(): number {
  return Date.now() - lastActivity;
}
