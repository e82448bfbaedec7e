/* global jest */
// `testTimeout` is a global option that projects ignore: tests that start servers or browsers set theirs here.
jest.setTimeout(Number(process.env.DOCKET_TEST_TIMEOUT_MS ?? 120_000));
