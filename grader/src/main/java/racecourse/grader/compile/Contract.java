package racecourse.grader.compile;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The exercise contract (the stubs in exercises/ and their READMEs), as resource {@code racecourse/grader/contract.txt}, member by member. */
public final class Contract {

    /**
     * One required public member.
     *
     * @param returnType raw return type, or null for a constructor
     * @param name method name, or {@code <init>}
     */
    public record Member(String exercise, String className, boolean isStatic, String returnType, String name,
            List<String> parameters) {

        public Member {
            parameters = List.copyOf(parameters);
        }

        /** How a student reads it: {@code SharedCounter.add(long)}. */
        public String display() {
            String simple = className.substring(className.lastIndexOf('.') + 1);
            List<String> shortParams = parameters.stream().map(p -> p.substring(p.lastIndexOf('.') + 1)).toList();
            return simple + (name.equals("<init>") ? "" : "." + name) + "(" + String.join(", ", shortParams) + ")";
        }
    }

    private final List<Member> members;

    private Contract(List<Member> members) {
        this.members = List.copyOf(members);
    }

    public static Contract load() {
        try (InputStream in = Contract.class.getResourceAsStream("/racecourse/grader/contract.txt")) {
            if (in == null) {
                throw new IllegalStateException("racecourse/grader/contract.txt is missing from the grader");
            }
            List<Member> members = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                members.add(parse(line));
            }
            return new Contract(members);
        } catch (IOException e) {
            throw new IllegalStateException("could not read the contract: " + e.getMessage(), e);
        }
    }

    private static Member parse(String line) {
        String[] parts = line.split("\\s+", 3);
        String exercise = parts[0];
        String className = parts[1];
        String member = parts[2];
        boolean isStatic = member.startsWith("static ");
        if (isStatic) {
            member = member.substring("static ".length());
        }
        String params = member.substring(member.indexOf('(') + 1, member.lastIndexOf(')'));
        List<String> parameters = params.isBlank() ? List.of() : List.of(params.split(","));
        String head = member.substring(0, member.indexOf('('));
        if (head.equals("new")) {
            return new Member(exercise, className, false, null, "<init>", parameters);
        }
        String[] typeAndName = head.split("\\s+");
        return new Member(exercise, className, isStatic, typeAndName[0], typeAndName[1], parameters);
    }

    public List<Member> of(String exercise) {
        return members.stream().filter(m -> m.exercise().equals(exercise)).toList();
    }
}
