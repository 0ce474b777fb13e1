package io.pluresdb.jdbc;

/**
 * A notification received on a channel this connection listens to ({@code LISTEN channel}), sent by
 * {@code NOTIFY channel, 'payload'} on this node or, with replication, another. Shaped like
 * pgjdbc's {@code PGNotification}. Immutable.
 */
public final class PluresNotification {
  private final String name;
  private final String parameter;
  private final String nodeId;

  public PluresNotification(String name, String parameter, String nodeId) {
    this.name = name;
    this.parameter = parameter;
    this.nodeId = nodeId;
  }

  /** The channel. */
  public String getName() {
    return name;
  }

  /** The payload ("" when none was given). */
  public String getParameter() {
    return parameter;
  }

  /** The id of the node that sent it (12 hex digits). */
  public String getNodeId() {
    return nodeId;
  }

  /**
   * The sender as a number, where pgjdbc gives the backend's process id: the low 31 bits of the
   * sending node's id, the same for every notification of one node.
   */
  public int getPID() {
    try {
      return (int) (Long.parseLong(nodeId, 16) & 0x7fffffffL);
    } catch (NumberFormatException e) {
      return nodeId.hashCode() & 0x7fffffff;
    }
  }

  @Override
  public String toString() {
    return name + " '" + parameter + "' from " + nodeId;
  }
}
