/**
 * Loads the list of features before any test, as the app does at start: the list hands
 * every feature's messages to the catalogue, so that a test rendering a feature's reply
 * without building an app still finds its texts.
 */
import "../../src/features/index.js";
