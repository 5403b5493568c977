// A small seeded generator (mulberry32) for suites that need random delays or positions outside
// fast-check: the same seed gives the same sequence, so a failing run can be replayed. The same
// generator makes the sandbox's fake data.
export { seededRandom } from '../../../electron/backend/sandbox/fake-data';
