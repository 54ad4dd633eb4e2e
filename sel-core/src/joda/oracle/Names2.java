// Oracle harness (see README.md): prints cases with joda-time's own results.
import org.joda.time.*;
import java.util.*;
public class Names2 {
  public static void main(String[] a) throws Exception {
    Locale.setDefault(Locale.US);
    Map<String, String[]> zs = new HashMap<>();
    for (String[] r : java.text.DateFormatSymbols.getInstance(Locale.US).getZoneStrings()) zs.put(r[0], r);
    List<String> ids = new ArrayList<>();
    try (Scanner s = new Scanner(new java.io.File(a[0]))) { while (s.hasNextLine()) ids.add(s.nextLine().trim()); }
    for (String id : ids) {
      DateTimeZone z = DateTimeZone.forID(id);
      long std = -1, dst = -1;
      for (int y = 2021; y >= 1970 && (std == -1 || dst == -1); y--) {
        for (int m = 1; m <= 12; m += 6) {
          long t = new DateTime(y, m, 15, 12, 0, 0, 0, DateTimeZone.UTC).getMillis();
          if (z.isStandardOffset(t)) { if (std == -1) std = t; } else if (dst == -1) dst = t;
        }
      }
      String ss = std != -1 ? z.getShortName(std, Locale.US) : "?", sl = std != -1 ? z.getName(std, Locale.US) : "?";
      String ds, dl;
      if (dst != -1) { ds = z.getShortName(dst, Locale.US); dl = z.getName(dst, Locale.US); }
      else if (zs.containsKey(id)) { ds = zs.get(id)[4]; dl = zs.get(id)[3]; }
      else { ds = ss; dl = sl; }
      System.out.println(id + "\t" + ss + "\t" + sl + "\t" + ds + "\t" + dl);
    }
  }
}
