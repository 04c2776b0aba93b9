/** Nothing of the network feature is used elsewhere: its commands and messages are its own. */
export {};
