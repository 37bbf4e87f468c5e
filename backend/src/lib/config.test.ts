import { ConfigError, loadConfig } from './config';

const SECRET = 'a-production-secret-that-is-long-enough-0123';
const production = {
  NODE_ENV: 'production',
  JWT_SECRET: SECRET,
  MONGODB_URI: 'mongodb://db1,db2,db3/habitgym?replicaSet=rs0',
  REDIS_URL: 'redis://cache:6379',
};

function errorOf(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);

    return (error as Error).message;
  }
  throw new Error('loadConfig accepted the environment');
}

describe('loadConfig', () => {
  it('reads a complete production environment', () => {
    const config = loadConfig({ ...production, PORT: '5000' });

    expect(config).toMatchObject({
      env: 'production',
      port: 5000,
      instance: 0,
      jwtSecret: SECRET,
      mongoUri: production.MONGODB_URI,
      metricsAllowFrom: 'loopback',
      bcryptCost: 12,
    });
  });

  it('gives each PM2 worker API_PORT plus its instance number, whatever PORT says', () => {
    const worker = (instance: string) =>
      loadConfig({ ...production, API_PORT: '4300', PORT: '4300', NODE_APP_INSTANCE: instance });

    expect([worker('0').port, worker('1').port, worker('1').instance]).toEqual([4300, 4301, 1]);
    expect(errorOf({ ...production, API_PORT: '65535', NODE_APP_INSTANCE: '1' })).toBe(
      'API_PORT plus NODE_APP_INSTANCE must be at most 65535, got 65536',
    );
  });

  it('refuses the development secret and a short secret in production', () => {
    expect(errorOf({ ...production, JWT_SECRET: '' })).toBe(
      'JWT_SECRET must be set in production (the default is for development)',
    );
    expect(errorOf({ ...production, JWT_SECRET: 'short-secret' })).toBe(
      'JWT_SECRET must be at least 32 characters',
    );
  });

  it('requires the database and Redis addresses in production', () => {
    expect(errorOf({ ...production, MONGODB_URI: '' })).toBe(
      'MONGODB_URI must be set in production',
    );
    expect(errorOf({ ...production, REDIS_URL: '' })).toBe('REDIS_URL must be set in production');
  });

  it.each([
    [{ PORT: '70000' }, 'PORT must be an integer from 1 to 65535, got "70000"'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV must be development, production or test, got "staging"'],
    [{ MONGODB_URI: 'postgres://x' }, 'MONGODB_URI must use mongodb: or mongodb+srv:'],
    [{ REDIS_URL: 'not a url' }, 'REDIS_URL is not a valid URL'],
    [
      { LOG_LEVEL: 'loud' },
      'LOG_LEVEL must be one of error, warn, info, http, verbose, debug, silly, got "loud"',
    ],
    [{ LOG_TO_FILES: 'yes' }, 'LOG_TO_FILES must be "true" or "false", got "yes"'],
    [{ BODY_LIMIT: 'huge' }, 'BODY_LIMIT must be a size such as 512kb or 1mb, got "huge"'],
    [{ HOST: '0.0.0.0; rm' }, 'HOST must be an IP address or a host name, got "0.0.0.0; rm"'],
    [
      { METRICS_ALLOW_FROM: 'everyone' },
      'METRICS_ALLOW_FROM must be one of loopback, private, got "everyone"',
    ],
    [
      { BCRYPT_COST: '10', NODE_ENV: 'production' },
      'BCRYPT_COST must be an integer from 12 to 15, got "10"',
    ],
    [{ CORS_ORIGINS: 'ftp://x' }, 'CORS_ORIGINS must use http: or https:'],
  ])('names the bad variable: %o', (env, message) => {
    expect(errorOf({ ...production, ...env })).toBe(message);
  });
});

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
