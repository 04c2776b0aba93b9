/** Nothing of the outbox feature is used elsewhere: its commands, jobs and messages are its own. */
export {};
