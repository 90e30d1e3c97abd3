#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the autograder's image (Ubuntu): it installs
# what run_autograder needs. The grader is Java 17 and compiles submissions in its own process, so a
# JDK (not a JRE). bubblewrap is the grader's sandbox; Gradescope's container may not allow the user
# namespaces it needs, and then the grader (--sandbox auto) runs without it and says so in the
# autograder's output.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y --no-install-recommends openjdk-17-jdk-headless bubblewrap
# Fail the image build here, not every student's grading later, when the JDK is not the one needed.
java -version
javac -version
