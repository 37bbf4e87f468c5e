import { ConfigError, loadConfig } from './config';

describe('loadConfig rate limits', () => {
  it('has defaults for every limit', () => {
    expect(loadConfig({}).rateLimits).toEqual({
      general: { max: 300, windowSeconds: 60 },
      loginPerIp: { max: 20, windowSeconds: 900 },
      loginPerAccount: { max: 5, windowSeconds: 900 },
      register: { max: 10, windowSeconds: 3600 },
    });
  });

  it('reads each limit and window from RATE_LIMIT_<NAME>_MAX and _WINDOW_SECONDS', () => {
    const { rateLimits } = loadConfig({
      RATE_LIMIT_LOGIN_ACCOUNT_MAX: '3',
      RATE_LIMIT_LOGIN_ACCOUNT_WINDOW_SECONDS: '600',
      RATE_LIMIT_GENERAL_MAX: '1000',
    });

    expect(rateLimits.loginPerAccount).toEqual({ max: 3, windowSeconds: 600 });
    expect(rateLimits.general).toEqual({ max: 1000, windowSeconds: 60 });
  });

  it.each([
    ['RATE_LIMIT_LOGIN_IP_MAX', '0'],
    ['RATE_LIMIT_REGISTER_MAX', 'ten'],
    ['RATE_LIMIT_GENERAL_WINDOW_SECONDS', '1.5'],
    ['RATE_LIMIT_LOGIN_IP_WINDOW_SECONDS', '86401'],
  ])('refuses %s=%s, naming the variable', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(name);
  });
});
