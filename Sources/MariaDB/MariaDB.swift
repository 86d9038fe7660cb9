import CMariaDB

/// The version of the linked MariaDB C client, for `sluice --version`.
public enum ClientLibrary {
    public static var version: String { String(cString: mysql_get_client_info()) }
}
