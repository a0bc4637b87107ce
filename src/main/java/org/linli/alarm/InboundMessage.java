package org.linli.alarm;

/**
 * A message as it left the broker, or an event Linli raised itself ({@link #internal}); {@code acknowledge} tells
 * the broker it is safely handled, and runs only after the transaction that recorded it committed.
 *
 * @param receivedNanos {@link System#nanoTime()} on arrival, for latency figures
 */
record InboundMessage(String topic, byte[] payload, DeviceEvent internal, Runnable acknowledge, long receivedNanos) {

    static InboundMessage fromBroker(String topic, byte[] payload, Runnable acknowledge) {
        return new InboundMessage(topic, payload, null, acknowledge, System.nanoTime());
    }

    static InboundMessage raised(DeviceEvent event) {
        return new InboundMessage(null, null, event, () -> { }, System.nanoTime());
    }

    /** The device whose worker handles this message: all events of one device go through one worker, in order. */
    String partitionKey() {
        if (internal != null) {
            return internal.deviceId();
        }
        String deviceId = DeviceEventParser.deviceIdOf(topic);
        return deviceId != null ? deviceId : topic;
    }
}
