import {
  DataChangeNotification,
  RepublishRequest,
  type ClientSession,
  type DataValue,
  type NotificationMessage,
  type RepublishResponse,
} from 'node-opcua';

/** Every node-opcua session implements Republish; its ClientSession type just does not list it. */
type RepublishingSession = ClientSession & {
  republish(request: RepublishRequest, callback: (err: Error | null, response?: RepublishResponse) => void): void;
};

/**
 * Fetches skipped notification messages again with Republish (OPC UA Part 4, 5.13.6): the server
 * keeps what it sent until the client acknowledges it, so a message lost on the way is usually
 * still there. Each value found is handed to `onValue` by its monitored item's client handle (the
 * idempotency key makes a value seen twice harmless); a message the server no longer has
 * (BadMessageNotAvailable) or cannot answer for counts as lost.
 */
export async function recoverSkippedNotifications(
  session: ClientSession,
  subscriptionId: number,
  sequenceNumbers: number[],
  onValue: (clientHandle: number, value: DataValue) => void,
): Promise<{ recovered: number; lost: number }> {
  let recovered = 0;
  let lost = 0;
  for (const retransmitSequenceNumber of sequenceNumbers) {
    const message = await new Promise<NotificationMessage | undefined>((resolve) =>
      (session as RepublishingSession).republish(new RepublishRequest({ subscriptionId, retransmitSequenceNumber }), (err, response) =>
        resolve(err || !response || response.responseHeader.serviceResult.isNotGood() ? undefined : response.notificationMessage),
      ),
    );
    if (!message) {
      lost++;
      continue;
    }
    recovered++;
    for (const data of message.notificationData ?? []) {
      if (!(data instanceof DataChangeNotification)) continue;
      for (const item of data.monitoredItems ?? []) onValue(item.clientHandle, item.value);
    }
  }
  return { recovered, lost };
}
