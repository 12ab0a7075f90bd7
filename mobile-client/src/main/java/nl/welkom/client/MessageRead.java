package nl.welkom.client;

/** Per household: the newest message of the other side this phone marked read (stored locally until the pull says so). */
record MessageRead(String householdId, String messageId) {
}
