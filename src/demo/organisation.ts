/** Public entry of the demo organisation; the data lives in ./organisation/. */
export * from './organisation/index';
