package org.convene.platform.limits;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * The client as the address limits count it. An IPv4 address is one client. An IPv6 client is its
 * /64: a network hands out a /64 to each subscriber, and one device takes new addresses within it at
 * will (privacy extensions), so counting single addresses would let anyone step round the limits.
 */
public final class ClientAddress {

    private static final int PREFIX_BYTES = 8;
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private ClientAddress() {
    }

    /** The key to count {@code address} (as the HTTP layer gives it, a literal) under. */
    public static String limitedAs(String address) {
        InetAddress parsed;
        try {
            // Literals only, which getByName reads without looking anything up: a name has no ':'.
            if (address == null || !(address.indexOf(':') >= 0 || IPV4.matcher(address).matches())) {
                return String.valueOf(address);
            }
            parsed = InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            return address;
        }
        if (parsed instanceof Inet4Address) {
            // Also an IPv4-mapped IPv6 address, which the JDK reads as the IPv4 address it holds.
            return parsed.getHostAddress();
        }
        if (parsed instanceof Inet6Address) {
            byte[] network = Arrays.copyOf(parsed.getAddress(), 16);
            Arrays.fill(network, PREFIX_BYTES, 16, (byte) 0);
            try {
                return InetAddress.getByAddress(network).getHostAddress() + "/64";
            } catch (UnknownHostException e) {
                throw new IllegalStateException("16 bytes are an IPv6 address", e);
            }
        }
        return address;
    }
}
