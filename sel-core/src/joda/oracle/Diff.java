// Oracle harness (see README.md): prints cases with joda-time's own results.
import org.joda.time.*;
import org.joda.time.format.*;
import java.util.*;
public class Diff {
  static String[] ZONES = {"UTC","America/Los_Angeles","America/New_York","Europe/London","Europe/Berlin","America/Sao_Paulo","Australia/Sydney","Australia/Lord_Howe","Asia/Kolkata","Pacific/Apia","America/Mexico_City","Asia/Tehran","Africa/Casablanca","+05:30","America/Santiago","Asia/Gaza","Europe/Dublin","Asia/Kathmandu","America/St_Johns","Etc/GMT+5"};
  static String[] PATTERNS = {"yyyy-MM-dd HH:mm:ss.SSS","yyyyMMdd","YYYYMMddHH","xxxx-'W'ww-e","EEE, d MMM yyyy h:mm a z","EEEE MMMM dd yy k K","D DDD w ww C G","yyyy-MM-dd'T'HH:mm:ssZZ","HH:mm Z","zzzz ZZZ","S SS SSSS","yyyyy MMM","dd/MM/yyyy","MM-dd","HH:mm","yy","MMMM","EEE MMM dd yyyy","yyyy-MM-dd HH:mm ZZZ","yyyy-MM-dd HH:mm Z", "h:mm:ss a", "yyyy-DDD", "xxxx-ww-e"};
  static Random R = new Random(Long.getLong("seed", 42));
  static String err(Throwable e) { String s = "ERR:" + e.getClass().getSimpleName() + ": " + e.getMessage(); return s.replace("\t"," ").replace("\n"," "); }
  static long instantPub(Random r) { Random o = R; R = r; long v = instant(); R = o; return v; }
  static long instant() {
    if (R.nextInt(3) == 0) {
      int y = 1990 + R.nextInt(45); int m = new int[]{3,4,9,10,11}[R.nextInt(5)]; int d = 1 + R.nextInt(28);
      return new DateTime(y, m, d, 0, 0, 0, 0, DateTimeZone.UTC).getMillis() + R.nextInt(48) * 1800000L + R.nextInt(1000);
    }
    return (long) ((R.nextDouble() * 6.3e12) - 2.2e12);
  }
  public static void main(String[] a) {
    DateTimeZone.setDefault(DateTimeZone.UTC); Locale.setDefault(Locale.US);
    long now = System.currentTimeMillis();
    StringBuilder out = new StringBuilder();
    String[] ops = {"plusYears","plusMonths","plusWeeks","plusDays","plusHours","minusDays","withYear","withMonthOfYear","withDayOfMonth","withDayOfYear","withWeekyear","withWeekOfWeekyear","withDayOfWeek","withHourOfDay","withMinuteOfHour","withMillisOfDay","startOfDay","propMin","propMax"};
    String[] props = {"monthOfYear","weekyear","weekOfWeekyear","dayOfYear","dayOfMonth","dayOfWeek","hourOfDay","minuteOfDay","minuteOfHour","secondOfDay","secondOfMinute","millisOfDay","millisOfSecond"};
    for (int i = 0; i < 3000; i++) {
      String zid = ZONES[R.nextInt(ZONES.length)]; DateTimeZone z = DateTimeZone.forID(zid); long t = instant();
      String p = PATTERNS[R.nextInt(PATTERNS.length)];
      String r; try { r = DateTimeFormat.forPattern(p).withZone(z).print(t); } catch (Exception e) { r = err(e); }
      out.append("fmt\t").append(zid).append('\t').append(t).append('\t').append(p).append('\t').append(r).append('\n');
      String op = ops[R.nextInt(ops.length)]; int n;
      switch (op) { case "withYear": case "withWeekyear": n = 1900 + R.nextInt(200); break; case "withMonthOfYear": n = R.nextInt(14); break; case "withDayOfMonth": n = R.nextInt(33); break; case "withDayOfYear": n = R.nextInt(368); break; case "withWeekOfWeekyear": n = R.nextInt(55); break; case "withDayOfWeek": n = R.nextInt(9); break; case "withHourOfDay": n = R.nextInt(25); break; case "withMinuteOfHour": n = R.nextInt(61); break; case "withMillisOfDay": n = R.nextInt(86400000); break; case "propMin": case "propMax": n = R.nextInt(props.length); break; default: n = R.nextInt(400) - 200; }
      DateTime d = new DateTime(t, z);
      try {
        DateTime x;
        switch (op) {
          case "plusYears": x = d.plusYears(n); break; case "plusMonths": x = d.plusMonths(n); break; case "plusWeeks": x = d.plusWeeks(n); break; case "plusDays": x = d.plusDays(n); break; case "plusHours": x = d.plusHours(n); break; case "minusDays": x = d.minusDays(n); break;
          case "withYear": x = d.withYear(n); break; case "withMonthOfYear": x = d.withMonthOfYear(n); break; case "withDayOfMonth": x = d.withDayOfMonth(n); break; case "withDayOfYear": x = d.withDayOfYear(n); break; case "withWeekyear": x = d.withWeekyear(n); break; case "withWeekOfWeekyear": x = d.withWeekOfWeekyear(n); break; case "withDayOfWeek": x = d.withDayOfWeek(n); break; case "withHourOfDay": x = d.withHourOfDay(n); break; case "withMinuteOfHour": x = d.withMinuteOfHour(n); break; case "withMillisOfDay": x = d.withMillisOfDay(n); break;
          case "startOfDay": x = d.withTimeAtStartOfDay(); break;
          case "propMin": x = d.property(DateTimeFieldType.class.getMethod(props[n]).invoke(null) instanceof DateTimeFieldType ? (DateTimeFieldType) DateTimeFieldType.class.getMethod(props[n]).invoke(null) : null).withMinimumValue(); break;
          default: x = d.property((DateTimeFieldType) DateTimeFieldType.class.getMethod(props[n]).invoke(null)).withMaximumValue(); break;
        }
        r = x.toString();
      } catch (java.lang.reflect.InvocationTargetException e) { r = err(e.getCause()); } catch (Exception e) { r = err(e); }
      out.append("arith\t").append(zid).append('\t').append(t).append('\t').append(op).append('\t').append(op.startsWith("prop") ? props[n] : String.valueOf(n)).append('\t').append(r).append('\n');
      // parse: format then maybe mutate
      String text; try { text = DateTimeFormat.forPattern(p).withZone(z).print(instant()); } catch (Exception e) { text = "x"; }
      if (R.nextInt(3) == 0 && text.length() > 0) { int k = R.nextInt(text.length()); text = R.nextBoolean() ? text.substring(0, k) + text.substring(k + 1) : text.substring(0, k) + "1" + text.substring(k); }
      boolean withZone = R.nextBoolean();
      try { DateTimeFormatter f = DateTimeFormat.forPattern(p); if (withZone) f = f.withZone(z); r = f.parseDateTime(text).toString(); } catch (Exception e) { r = err(e); }
      out.append("parse\t").append(withZone ? zid : "-").append('\t').append(text).append('\t').append(p).append('\t').append(r).append('\n');
      // iso
      String iso = new DateTime(instant(), z).toString();
      int cut = R.nextInt(6); if (cut == 1) iso = iso.substring(0, 10); else if (cut == 2) iso = iso.substring(0, 16); else if (cut == 3) iso = iso.substring(0, 19).replace('-', '/'); else if (cut == 4) iso = iso.substring(0, 23);
      try { r = new DateTime(iso, z).toString(); } catch (Exception e) { r = err(e); }
      out.append("iso\t").append(zid).append('\t').append(iso).append('\t').append("-").append('\t').append(r).append('\n');
    }
    System.out.print(out);
  }
}
