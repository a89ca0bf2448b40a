/**
 * Fault injection for the reliability tests: `HAIDANG_FAILPOINT=dossier-merge=30000` makes the
 * import pause 30 s at that point (inside its merge transaction), after writing the line
 * `failpoint dossier-merge reached` to stderr, so that a test can kill the process exactly
 * there. Unset (always, in production) it costs one lookup.
 */
export async function failpoint(name: string): Promise<void> {
  const spec = process.env.HAIDANG_FAILPOINT;
  if (!spec) return;
  for (const part of spec.split(',')) {
    const [point, ms] = part.split('=');
    if (point !== name) continue;
    process.stderr.write(`failpoint ${name} reached\n`);
    await new Promise((r) => setTimeout(r, Number(ms ?? 0)));
  }
}
