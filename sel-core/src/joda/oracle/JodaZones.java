// Oracle harness (see README.md): prints joda-time's own transitions (instant ms,
// offset ms, standard?) from 1800 to 2100 for the given zones, as
// `id \t initialOffset \t initialStandard \t t:offset:std,...`.
import org.joda.time.*;
public class JodaZones { public static void main(String[] a) {
  long start = new DateTime(1800, 1, 1, 0, 0, 0, 0, DateTimeZone.UTC).getMillis();
  long end = new DateTime(2100, 1, 1, 0, 0, 0, 0, DateTimeZone.UTC).getMillis();
  for (String id : a) {
    DateTimeZone z = DateTimeZone.forID(id);
    StringBuilder sb = new StringBuilder(id + "\t" + z.getOffset(start) + "\t" + z.isStandardOffset(start) + "\t");
    long t = start;
    while (true) {
      long n = z.nextTransition(t);
      if (n == t || n >= end) break;
      sb.append(n + ":" + z.getOffset(n) + ":" + z.isStandardOffset(n) + ",");
      t = n;
    }
    System.out.println(sb);
  }
}}
