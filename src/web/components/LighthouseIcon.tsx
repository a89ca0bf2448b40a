/** The product mark: a lighthouse with its beams, drawn inline so it needs no asset. */
export function LighthouseIcon({ size = 32, title }: { size?: number; title?: string }) {
  return (
    <svg width={size} height={size} viewBox="0 0 64 64" role={title ? 'img' : undefined} aria-hidden={title ? undefined : true}>
      {title ? <title>{title}</title> : null}
      <path d="M19 19 7 13M45 19l12-6M19 25 6 27M45 25l13 2" stroke="#f5b82e" strokeWidth="3" strokeLinecap="round" />
      <path d="M24 12h16l-3 7H27z" fill="#f5b82e" />
      <path d="M29 6h6l2 6H27z" fill="#d9423a" />
      <path d="M26 19h12l4 36H22z" fill="#ffffff" />
      <path d="M25.1 30h13.8l.8 7H24.3z" fill="#d9423a" />
      <path d="M23.5 44h17l.9 8H22.6z" fill="#d9423a" />
      <path d="M14 58h36" stroke="#7fb3c8" strokeWidth="3" strokeLinecap="round" />
    </svg>
  );
}
