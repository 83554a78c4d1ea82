import { winston } from '@strapi/logger';
import type Transport from 'winston-transport';

/** The transport config/logger.ts builds for a LOG_LEVEL, with the messages that reach its output. */
const loggerAt = (level: string) => {
  process.env.LOG_LEVEL = level;
  let transports: Transport[] = [];
  jest.isolateModules(() => {
    ({ transports } = jest.requireActual('../../config/logger').default);
  });
  const written: string[] = [];
  for (const transport of transports) {
    jest.spyOn(transport, 'log').mockImplementation((info: { level: string }, done: () => void) => {
      written.push(info.level);
      done();
    });
  }
  return {
    logger: winston.createLogger({ levels: winston.config.npm.levels, transports }),
    written,
  };
};

const ALL = ['error', 'warn', 'info', 'http', 'verbose', 'debug'] as const;

afterEach(() => {
  delete process.env.LOG_LEVEL;
});

describe('LOG_LEVEL is a threshold', () => {
  it.each([
    ['http', ['error', 'warn', 'info', 'http']],
    ['error', ['error']],
    ['debug', ALL],
  ])('at %s the output has %j', (level, expected) => {
    const { logger, written } = loggerAt(level);
    for (const name of ALL) logger.log(name, `a ${name} message`);
    expect(written.map((line) => line.replace(/\u001b\[\d+m/g, ''))).toEqual(expected);
  });

  it('refuses an unknown level, naming the variable', () => {
    expect(() => loggerAt('loud')).toThrow(/LOG_LEVEL must be one of/);
  });
});
