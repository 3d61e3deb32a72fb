// The subset-test helpers of upstream's /common/subset-tests.js: esrun always runs every subtest.
function shouldRunSubTest() {
  return true;
}

function subsetTest(testFunc, ...args) {
  return testFunc(...args);
}
