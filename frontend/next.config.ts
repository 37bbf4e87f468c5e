import type { NextConfig } from 'next';

// Headers for every page and asset; the Content-Security-Policy, which needs a fresh nonce per
// page, is set in src/proxy.ts.
const SECURITY_HEADERS = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Referrer-Policy', value: 'same-origin' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  {
    key: 'Permissions-Policy',
    value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
  },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  headers: () => Promise.resolve([{ source: '/:path*', headers: SECURITY_HEADERS }]),
  // Development only: the default bottom-left badge covers the "Today" tab of the phone tab bar.
  devIndicators: { position: 'top-right' },
};

export default nextConfig;
