import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Development only: the default bottom-left badge covers the "Today" tab of the phone tab bar.
  devIndicators: { position: 'top-right' },
};

export default nextConfig;
